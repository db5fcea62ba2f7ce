package com.moviepeople.search;

import com.moviepeople.IntegrationTest;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search by dates takes one of two forms of the availability module's rule (V53): with words, a
 * role, a place or a production, each candidate's calendar is read by primary key
 * (mp_available_to); by the period alone, every calendar is read in one pass
 * (mp_available_members). Both must find the same members with the same answers as the rule itself
 * (mp_availability, member by member), on random calendars, visibilities and connections.
 */
class SearchByDatesIntegrationTests extends IntegrationTest {

    @Autowired
    SearchRepository repository;

    @Autowired
    ProfileService profiles;

    private static final LocalDate START = LocalDate.of(2031, 3, 1);
    private static final LocalDate TODAY = START.minusMonths(1);

    @BeforeEach
    void emptyDatabase() {
        cleanDatabase();
    }

    private static SearchCriteria criteria(String q, LocalDate first, LocalDate last, boolean partly) {
        return SearchCriteria.of(q, null, null, null, first.toString(), last.toString(), partly, TODAY);
    }

    private Set<String> found(CurrentMember viewer, SearchCriteria criteria) {
        Set<String> found = new TreeSet<>();
        for (SearchRepository.Row row : repository.find(viewer.id(), new long[0], criteria, null, 50, true).rows()) {
            found.add(row.card().username() + " " + row.availability());
        }
        return found;
    }

    @Test
    void byThePeriodAloneAndWithWordsTheSameMembersWithTheSameAnswers() {
        Random random = new Random(53);
        CurrentMember viewer = newMember("viewer");
        List<CurrentMember> crew = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            CurrentMember m = newMember("crew");
            crew.add(m);
            profiles.save(m.id(), new ProfileForm("Ada Okafor", null, "Gaffer", "Lagos", null, null));
            String visibility = List.of("DEFAULT", "EVERYONE", "CONNECTIONS", "NOBODY").get(i % 4);
            if (!visibility.equals("DEFAULT")) {
                jdbc.update("insert into availability_setting (member_id, visibility) values (?, ?)", m.id(), visibility);
            }
            if (random.nextBoolean()) {
                connect(viewer, m);
            }
            LocalDate day = START.minusDays(random.nextInt(10));
            for (int r = 0; r < 12; r++) {
                LocalDate end = day.plusDays(random.nextInt(12));
                String status = List.of("AVAILABLE", "AVAILABLE", "HOLD", "BOOKED").get(random.nextInt(4));
                jdbc.update("insert into availability_range (member_id, start_date, end_date, status, hold_rank) values (?, ?, ?, ?, ?)",
                        m.id(), day, end, status, status.equals("HOLD") ? 1 : null);
                day = end.plusDays(1 + random.nextInt(4));
            }
        }
        // The two forms are the ones compared.
        assertThat(repository.statement(viewer.id(), criteria(null, START, START.plusDays(3), true), null, 21).sql())
                .contains("mp_available_members").doesNotContain("mp_available_to");
        assertThat(repository.statement(viewer.id(), criteria("Okafor", START, START.plusDays(3), true), null, 21).sql())
                .contains("mp_available_to").doesNotContain("mp_available_members");

        int[] seen = new int[2];
        for (int i = 0; i < 40; i++) {
            LocalDate first = START.plusDays(random.nextInt(90));
            LocalDate last = first.plusDays(random.nextInt(i % 2 == 0 ? 3 : 20));
            for (boolean partly : new boolean[] {false, true}) {
                Set<String> expected = new TreeSet<>();
                for (CurrentMember m : crew) {
                    String answer = jdbc.queryForObject("select mp_availability(?, ?, ?, ?)", String.class,
                            m.id(), viewer.id(), first, last);
                    if ("available".equals(answer) || (partly && "partly".equals(answer))) {
                        expected.add(m.username() + " " + answer);
                        seen[answer.equals("available") ? 0 : 1]++;
                    }
                }
                String period = first + ".." + last + (partly ? " partly" : "");
                assertThat(found(viewer, criteria(null, first, last, partly))).as("alone " + period).isEqualTo(expected);
                assertThat(found(viewer, criteria("Okafor", first, last, partly))).as("with words " + period).isEqualTo(expected);
            }
        }
        assertThat(seen[0]).as("members found available").isPositive();
        assertThat(seen[1]).as("members found partly available").isPositive();
    }
}
