package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import com.moviepeople.messaging.Messaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A few conversations between connected demo members, so that the inbox is not empty on the
 * first start: agnieszka finds two unread messages from julien. Runs after
 * {@link DemoConnectionsLoader} (order 10), under the same switch, and only while nobody has sent
 * any message, through the messaging module's API (so only connected members talk).
 */
@Component
@Order(20)
class DemoMessagesLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMessagesLoader.class);

    /** One message: who writes to whom. */
    record Line(String from, String to, String text) {
    }

    /** In order; the last lines of each conversation stay unread for their recipient. */
    static final List<Line> LINES = List.of(
            new Line("julien", "agnieszka", "Hi Agnieszka! Ingrid told me you cut \"Tears of Steel — re-edit\". "
                    + "I have a feature in development with a Lyon producer and I'm looking for an editor for 2027."),
            new Line("agnieszka", "julien", "Hello Julien, thank you! Happy to hear more. What is the schedule, "
                    + "and how much material are you expecting?"),
            new Line("julien", "agnieszka", "Shoot in April and May, about 80 hours of rushes. Editing in Paris or "
                    + "remotely from Berlin, whatever works for you.\n\nThe script is here: www.example.com/julien/script"),
            new Line("agnieszka", "julien", "Remote from Berlin would be perfect, with a week or two in Paris for "
                    + "the fine cut. Send me the script and I'll read it this weekend."),
            new Line("julien", "agnieszka", "Wonderful. Sending it tonight, together with the lookbook Maya made."),
            new Line("julien", "agnieszka", "Could we have a call on Thursday at 10:00? My producer would like to join."),
            new Line("maya", "kenji", "Kenji, are you free for a VFX consultation on a Lagos night shoot? "
                    + "Lots of practical fire, and we want to extend it in post."),
            new Line("kenji", "maya", "Sounds fun! Shoot plates with clean passes and plenty of reference, and I can "
                    + "comp the extensions in Nuke. When do you shoot?"),
            new Line("maya", "kenji", "Third week of March. I'll send you the storyboards for the three big shots."),
            new Line("tomas", "agnieszka", "Agnieszka, your documentary needs a sound designer? I'm in Berlin for the "
                    + "Berlinale, happy to meet."),
            new Line("agnieszka", "tomas", "Yes! Let's have coffee on Monday near the Potsdamer Platz."));

    private final Messaging messaging;
    private final MemberDirectory members;
    private final Connections connections;
    private final Environment environment;

    DemoMessagesLoader(Messaging messaging, MemberDirectory members, Connections connections, Environment environment) {
        this.messaging = messaging;
        this.members = members;
        this.connections = connections;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || !messaging.isEmpty()) {
            return;
        }
        int sent = 0;
        for (Line line : LINES) {
            Optional<MemberSummary> from = members.findByUsername(line.from());
            Optional<MemberSummary> to = members.findByUsername(line.to());
            if (from.isEmpty() || to.isEmpty() || !connections.areConnected(from.get().id(), to.get().id())) {
                continue;
            }
            // Replying means having read what came before.
            messaging.markRead(from.get().id(), to.get().id());
            messaging.send(from.get().id(), to.get().id(), line.text());
            sent++;
        }
        if (sent > 0) {
            log.info("Loaded {} demo messages", sent);
        }
    }
}
