package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.availability.Availability;
import com.moviepeople.availability.AvailabilityStatus;
import com.moviepeople.availability.AvailabilityVisibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the demo community calendars, relative to the day it starts (so profiles always show
 * the coming weeks) and all of next March for a few (so "who is free in March" finds someone):
 * through the availability module's API and rules. Runs after the credits, under the same switch,
 * and only while Maya has no upcoming range.
 */
@Component
@Order(26)
class DemoAvailabilityLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAvailabilityLoader.class);

    /** Days from today (or, with {@code march}, days of next March), a status and a private note. */
    record DemoRange(String member, int from, int to, boolean march, AvailabilityStatus status, Integer holdRank, String note) {
    }

    static final List<DemoRange> RANGES = List.of(
            new DemoRange("maya", 3, 24, false, AvailabilityStatus.AVAILABLE, null, null),
            new DemoRange("maya", 25, 45, false, AvailabilityStatus.BOOKED, null, "Harmattan II — principal photography"),
            new DemoRange("maya", 1, 31, true, AvailabilityStatus.AVAILABLE, null, "Keep free for features"),
            new DemoRange("oliver", 0, 9, false, AvailabilityStatus.HOLD, 1, "Car commercial, waiting for the client"),
            new DemoRange("oliver", 10, 40, false, AvailabilityStatus.AVAILABLE, null, null),
            new DemoRange("oliver", 1, 14, true, AvailabilityStatus.AVAILABLE, null, null),
            new DemoRange("oliver", 15, 31, true, AvailabilityStatus.HOLD, 2, "Music video, second hold"),
            new DemoRange("agnieszka", 0, 13, false, AvailabilityStatus.AVAILABLE, null, null),
            new DemoRange("agnieszka", 14, 41, false, AvailabilityStatus.BOOKED, null, "Salt and Silence — festival cut"),
            new DemoRange("tomas", 1, 31, true, AvailabilityStatus.AVAILABLE, null, null),
            new DemoRange("tomas", 7, 20, false, AvailabilityStatus.BOOKED, null, "Mix, Studio Barrandov"),
            new DemoRange("julien", 0, 30, false, AvailabilityStatus.AVAILABLE, null, null));

    /** Who shows their answers to every member (the others keep the default, connections; Julien shows nobody). */
    static final Map<String, AvailabilityVisibility> VISIBILITY = Map.of(
            "maya", AvailabilityVisibility.EVERYONE, "oliver", AvailabilityVisibility.EVERYONE,
            "julien", AvailabilityVisibility.NOBODY);

    private final Availability availability;
    private final MemberDirectory members;
    private final Environment environment;

    DemoAvailabilityLoader(Availability availability, MemberDirectory members, Environment environment) {
        this.availability = availability;
        this.members = members;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<MemberSummary> maya = members.findByUsername("maya");
        if (!DemoData.enabled(environment) || maya.isEmpty() || availability.hasUpcoming(maya.get().id())) {
            return;
        }
        LocalDate today = availability.today();
        LocalDate march = nextMarch(today);
        int added = 0;
        for (DemoRange r : RANGES) {
            Optional<MemberSummary> member = members.findByUsername(r.member());
            if (member.isEmpty()) {
                continue;
            }
            LocalDate first = r.march() ? march.plusDays(r.from() - 1L) : today.plusDays(r.from());
            LocalDate last = r.march() ? march.plusDays(r.to() - 1L) : today.plusDays(r.to());
            try {
                availability.add(member.get().id(), first, last, r.status(), r.holdRank(), r.note());
                added++;
            } catch (IllegalArgumentException e) {
                // Next March may fall inside the weeks above when the demo starts in February: skip that one.
                log.debug("Demo range skipped: {}", e.getMessage());
            }
        }
        VISIBILITY.forEach((username, visibility) -> members.findByUsername(username)
                .ifPresent(m -> availability.setVisibility(m.id(), visibility)));
        log.info("Demo availability loaded: {} ranges", added);
    }

    /** The first of the next March at least a month away. */
    static LocalDate nextMarch(LocalDate today) {
        LocalDate march = LocalDate.of(today.getYear(), Month.MARCH, 1);
        return march.isBefore(today.plusMonths(1)) ? march.plusYears(1) : march;
    }
}
