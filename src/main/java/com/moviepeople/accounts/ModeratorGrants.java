package com.moviepeople.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * {@code moviepeople.moderators=alice,bob}: makes these existing members moderators at start (an
 * operator's switch; empty by default, so that nobody becomes a moderator by picking a name).
 * Runs after the demo community is loaded.
 */
@Component
@Order(100)
class ModeratorGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModeratorGrants.class);

    private final MemberModeration moderation;
    private final String moderators;

    ModeratorGrants(MemberModeration moderation, @Value("${moviepeople.moderators:}") String moderators) {
        this.moderation = moderation;
        this.moderators = moderators;
    }

    @Override
    public void run(ApplicationArguments args) {
        Arrays.stream(moderators.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(username -> {
            if (moderation.grantModerator(username)) {
                log.info("Moderator: {}", username);
            } else {
                log.warn("moviepeople.moderators names {}, but no such member exists", username);
            }
        });
    }
}
