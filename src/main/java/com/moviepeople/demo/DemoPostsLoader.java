package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.feed.Feed;
import com.moviepeople.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Gives the demo community something to read in the feed: a few posts from the last days with
 * comments from the authors' connections (the portfolio posts appear by themselves when
 * {@link DemoCommunityLoader} adds the demo work). Runs after {@link DemoConnectionsLoader}, under
 * the same switch, and only while nobody has written a text post, so it never touches real data.
 */
@Component
@Order(30)
class DemoPostsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPostsLoader.class);

    record DemoComment(String author, String text, Duration after) {
    }

    record DemoPost(String author, Duration ago, String text, List<DemoComment> comments) {
    }

    /** Comments come from the author's connections in {@link DemoConnectionsLoader#CONNECTED}. */
    static final List<DemoPost> POSTS = List.of(
            new DemoPost("agnieszka", Duration.ofHours(3),
                    "Picture lock on the documentary! 212 hours of rushes down to 94 minutes. Huge thanks to the whole team.\n\n"
                            + "Next up: looking for a colorist for a two-week grade in Berlin in January.",
                    List.of(new DemoComment("julien", "Congratulations! Can’t wait to see it.", Duration.ofMinutes(20)),
                            new DemoComment("maya", "94 minutes is brave. Well done!", Duration.ofMinutes(45)),
                            new DemoComment("tomas", "Send me the turnover when you’re ready, the mix stage is booked for February.",
                                    Duration.ofMinutes(90)))),
            new DemoPost("julien", Duration.ofHours(26),
                    "Casting for my next short, shooting in Lyon in March: we need a bilingual French/Spanish lead, late twenties.\n"
                            + "Details and sides: https://www.example.com/julien/casting-lyon",
                    List.of(new DemoComment("lucia", "I’d love to read for it — sending you my reel.", Duration.ofHours(2)),
                            new DemoComment("priya", "Shared it with my friends in Paris!", Duration.ofHours(5)))),
            new DemoPost("maya", Duration.ofDays(2).plusHours(4),
                    "Golden hour test for the new feature today. Natural light only, one bounce, one neg. "
                            + "Sometimes less really is more.",
                    List.of(new DemoComment("david", "Those skin tones are going to be a joy to grade.", Duration.ofHours(1)),
                            new DemoComment("oliver", "Less is more — until the clouds come in.", Duration.ofHours(3)))),
            new DemoPost("ingrid", Duration.ofDays(4),
                    "We’re putting together the crew for a Nordic–German co-production shooting in Tromsø next autumn. "
                            + "Norwegian speakers especially welcome: send me a message.",
                    List.of(new DemoComment("kenji", "Do you need VFX for the northern-lights sequences?", Duration.ofHours(6)),
                            new DemoComment("tomas", "Count me in for sound if the dates work.", Duration.ofDays(1)))),
            new DemoPost("kenji", Duration.ofDays(6),
                    "Wrapped compositing on 120 shots this week. The render farm finally gets to rest, and so do I.",
                    List.of(new DemoComment("maya", "Well-earned rest!", Duration.ofHours(8)))));

    private final Feed feed;
    private final MemberDirectory members;
    private final Environment environment;
    private final Clock clock;

    DemoPostsLoader(Feed feed, MemberDirectory members, Environment environment, Clock clock) {
        this.feed = feed;
        this.members = members;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || feed.hasTextPosts()) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int posts = 0;
        int comments = 0;
        for (DemoPost p : POSTS) {
            Optional<MemberSummary> author = members.findByUsername(p.author());
            if (author.isEmpty()) {
                continue;
            }
            Instant at = now.minus(p.ago());
            long postId = feed.publish(author.get().id(), p.text(), at);
            posts++;
            for (DemoComment c : p.comments()) {
                Optional<MemberSummary> commenter = members.findByUsername(c.author());
                if (commenter.isEmpty()) {
                    continue;
                }
                try {
                    feed.comment(commenter.get().id(), postId, c.text(), at.plus(c.after()));
                    comments++;
                } catch (NotFoundException e) {
                    // Not connected (the demo network was changed): the feed's rule wins, skip it.
                }
            }
        }
        if (posts > 0) {
            log.info("Loaded the demo feed: {} posts, {} comments", posts, comments);
        }
    }
}
