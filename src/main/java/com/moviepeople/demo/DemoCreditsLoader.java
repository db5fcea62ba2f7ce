package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.credits.Credits;
import com.moviepeople.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the demo community a filmography: three (fictional) productions with credits and
 * confirmations among colleagues, through the credits module's API and rules (so the feed gets
 * its automatic posts). Some colleagues are not connected, so "People you worked with" has
 * suggestions (David for Agnieszka, Oliver and Fatima for Kenji …). Runs after the connections
 * and messages, under the same switch, and only while Agnieszka has no credit.
 */
@Component
@Order(25)
class DemoCreditsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCreditsLoader.class);

    record DemoCredit(String member, String role, String note, List<String> confirmedBy) {
    }

    record DemoProduction(String title, int year, String kind, String link, List<DemoCredit> credits) {
    }

    static final List<DemoProduction> PRODUCTIONS = List.of(
            new DemoProduction("Salt and Silence", 2024, "documentary", null, List.of(
                    new DemoCredit("julien", "Director", null, List.of("agnieszka", "tomas")),
                    new DemoCredit("agnieszka", "Film Editor", null, List.of("julien", "tomas")),
                    new DemoCredit("tomas", "Re-recording Mixer", null, List.of("david")),
                    new DemoCredit("david", "Colorist", "Final grade, Berlin", List.of()))),
            new DemoProduction("Harmattan", 2022, "feature", null, List.of(
                    new DemoCredit("maya", "Director of Photography", null, List.of("oliver", "kenji")),
                    new DemoCredit("oliver", "Gaffer", "2nd unit", List.of("maya")),
                    new DemoCredit("fatima", "Production Designer", null, List.of()),
                    new DemoCredit("kenji", "VFX Supervisor", null, List.of("maya")))),
            new DemoProduction("Northern Lights Over Tromsø", 2025, "series", null, List.of(
                    new DemoCredit("ingrid", "Producer", null, List.of("priya")),
                    new DemoCredit("priya", "Screenwriter", "Episodes 1–3", List.of("kenji", "ingrid")),
                    new DemoCredit("kenji", "VFX Supervisor", null, List.of()),
                    new DemoCredit("lucia", "Actor", "Lead: Solveig", List.of("priya")))));

    private final Credits credits;
    private final MemberDirectory members;
    private final Environment environment;

    DemoCreditsLoader(Credits credits, MemberDirectory members, Environment environment) {
        this.credits = credits;
        this.members = members;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<MemberSummary> first = members.findByUsername("agnieszka");
        if (!DemoData.enabled(environment) || first.isEmpty() || !credits.creditsOf(first.get().id()).isEmpty()) {
            return;
        }
        int added = 0;
        int confirmed = 0;
        for (DemoProduction p : PRODUCTIONS) {
            Map<String, Long> creditOf = new HashMap<>();
            Long production = null;
            for (DemoCredit c : p.credits()) {
                Optional<MemberSummary> member = members.findByUsername(c.member());
                if (member.isEmpty()) {
                    continue;
                }
                if (production == null) {
                    production = credits.findOrCreateProduction(member.get().id(), p.title(), p.year(), p.kind(), p.link());
                }
                creditOf.put(c.member(), credits.addCredit(member.get().id(), production, c.role(), c.note()));
                added++;
            }
            for (DemoCredit c : p.credits()) {
                for (String by : c.confirmedBy()) {
                    Optional<MemberSummary> confirmer = members.findByUsername(by);
                    if (confirmer.isPresent() && creditOf.containsKey(c.member()) && creditOf.containsKey(by)) {
                        try {
                            credits.confirmCredit(confirmer.get().id(), creditOf.get(c.member()));
                            confirmed++;
                        } catch (NotFoundException e) {
                            // Blocked since, say: the credits' rule wins, skip it.
                        }
                    }
                }
            }
        }
        if (added > 0) {
            log.info("Loaded the demo filmography: {} productions, {} credits, {} confirmations", PRODUCTIONS.size(), added, confirmed);
        }
    }
}
