package com.moviepeople.demo;

import com.moviepeople.accounts.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Fills an empty database with a small film community so that the first start is not an empty
 * site. Runs only when {@code moviepeople.demo-data} is on (the default for the embedded
 * database) and only while there are no members, so it is idempotent and never touches real data.
 */
@Component
@org.springframework.core.annotation.Order(0) // before DemoConnectionsLoader
class DemoCommunityLoader implements ApplicationRunner {

    /** Shared by every demo member; printed in the README. */
    static final String DEMO_PASSWORD = "moviepeople-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCommunityLoader.class);

    record DemoMember(String username, String displayName) {
        String email() {
            return username + "@demo.moviepeople.example";
        }
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("agnieszka", "Agnieszka Kowalska"),
            new DemoMember("julien", "Julien Lumière"),
            new DemoMember("maya", "Maya Okafor"),
            new DemoMember("tomas", "Tomás Herrera"),
            new DemoMember("ingrid", "Ingrid Halvorsen"),
            new DemoMember("kenji", "Kenji Watanabe"));

    private final AccountService accounts;
    private final Environment environment;

    DemoCommunityLoader(AccountService accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    /** {@code moviepeople.demo-data} when set; otherwise on for the embedded database only. */
    boolean enabled() {
        Boolean configured = environment.getProperty("moviepeople.demo-data", Boolean.class);
        return configured != null ? configured : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled() || accounts.count() > 0) {
            return;
        }
        for (DemoMember m : MEMBERS) {
            accounts.registerVerified(m.username(), m.email(), DEMO_PASSWORD, m.displayName());
        }
        log.info("Loaded the demo community: {} members, password '{}' (e.g. log in as {})",
                MEMBERS.size(), DEMO_PASSWORD, MEMBERS.get(0).username());
    }
}
