package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.calls.CallForm;
import com.moviepeople.calls.Calls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A few crew calls in the demo community, posted and answered through the calls module's API (its
 * rules apply): Maya looks for a gaffer (paid), Ingrid for a sound recordist (paid, by the week),
 * Priya for a script supervisor on a student short (unpaid, said plainly). Oliver and Tomás apply to
 * Maya's call, and she shortlists Oliver. Loaded once, into a community without calls.
 */
@Component
@Order(45)
class DemoCallsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCallsLoader.class);

    private final Calls calls;
    private final MemberDirectory members;
    private final Environment environment;
    private final Clock clock;

    DemoCallsLoader(Calls calls, MemberDirectory members, Environment environment, Clock clock) {
        this.calls = calls;
        this.members = members;
        this.environment = environment;
        this.clock = clock;
    }

    private record DemoCall(String poster, String title, String role, String location, int startIn, int days, int deadlineIn,
                            String rate, String unit, String currency, String description) {
    }

    private static final List<DemoCall> CALLS = List.of(
            new DemoCall("maya", "Gaffer for a 3-day music video", "Gaffer", "Berlin, Germany", 40, 2, 25, "380", "day", "EUR",
                    "Night exteriors by the Spree and one studio day. You run a team of two electricians; "
                            + "the lighting package is from a rental house in Adlershof."),
            new DemoCall("ingrid", "Sound recordist for a Nordic documentary", "Production Sound Mixer", "Oslo, Norway", 70, 20, 45,
                    "1900", "week", "EUR", "Three weeks on the coast in spring: interviews, ambiences and a boat. Own kit welcome."),
            new DemoCall("priya", "Script supervisor for a student short", "Script Supervisor", null, 30, 4, 20, null, null, null,
                    "A four-day graduation short. This one is unpaid, stated plainly: meals, travel within the city and a credit."));

    @Override
    public void run(ApplicationArguments args) {
        Optional<MemberSummary> maya = members.findByUsername("maya");
        if (!DemoData.enabled(environment) || maya.isEmpty() || !calls.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Long mayasCall = null;
        int posted = 0;
        for (DemoCall c : CALLS) {
            Optional<MemberSummary> poster = members.findByUsername(c.poster());
            if (poster.isEmpty()) {
                continue;
            }
            CallForm form = new CallForm();
            form.setTitle(c.title());
            form.setRole(c.role());
            form.setLocation(c.location() == null ? "Lyon, France" : c.location());
            form.setStartDate(today.plusDays(c.startIn()).toString());
            form.setEndDate(today.plusDays(c.startIn() + c.days()).toString());
            form.setDeadline(today.plusDays(c.deadlineIn()).toString());
            form.setUnpaid(c.rate() == null);
            form.setPayRate(c.rate());
            form.setPayUnit(c.unit());
            form.setCurrency(c.currency());
            form.setDescription(c.description());
            long id = calls.post(poster.get().id(), form);
            posted++;
            if ("maya".equals(c.poster())) {
                mayasCall = id;
            }
        }
        if (mayasCall != null) {
            long call = mayasCall;
            apply("oliver", call, "I lit two music videos on the Spree last year; happy to bring my best boy.");
            apply("tomas", call, "Not a gaffer by trade, but I have done small lighting setups on docs.");
            members.findByUsername("oliver").flatMap(o -> calls.applicationOf(o.id(), call))
                    .ifPresent(application -> calls.answer(maya.get().id(), call, application, true));
        }
        log.info("Demo crew calls loaded: {} calls", posted);
    }

    private void apply(String username, long call, String note) {
        members.findByUsername(username).ifPresent(m -> calls.apply(m.id(), call, note, List.of(), List.of()));
    }
}
