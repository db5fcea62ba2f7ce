package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.ConnectionState;
import com.moviepeople.connections.Connections;
import com.moviepeople.connections.RequestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the demo community into a small, realistic network: most of them know each other,
 * and a few requests are still waiting in each direction, so that every page has something to
 * show. Runs after {@link DemoCommunityLoader}, under the same switch, and only while the demo
 * members have no connections at all, so it never touches a network people have used.
 */
@Component
class DemoConnectionsLoader implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoConnectionsLoader.class);

    record Link(String from, String to) {
    }

    /** Accepted connections: the requester first. */
    static final List<Link> CONNECTED = List.of(
            new Link("agnieszka", "julien"),
            new Link("agnieszka", "maya"),
            new Link("tomas", "agnieszka"),
            new Link("julien", "maya"),
            new Link("maya", "kenji"),
            new Link("ingrid", "tomas"),
            new Link("kenji", "ingrid"),
            new Link("julien", "ingrid"),
            new Link("priya", "julien"),
            new Link("priya", "ingrid"),
            new Link("sofia", "julien"),
            new Link("sofia", "fatima"),
            new Link("david", "maya"),
            new Link("david", "kenji"),
            new Link("fatima", "ingrid"),
            new Link("oliver", "maya"),
            new Link("oliver", "tomas"),
            new Link("lucia", "julien"),
            new Link("lucia", "priya"));

    /** Requests still waiting for an answer: agnieszka has one to answer and one of her own out. */
    static final List<Link> PENDING = List.of(
            new Link("kenji", "agnieszka"),
            new Link("agnieszka", "ingrid"),
            new Link("tomas", "maya"),
            new Link("oliver", "agnieszka"));

    private final Connections connections;
    private final MemberDirectory members;
    private final Environment environment;

    DemoConnectionsLoader(Connections connections, MemberDirectory members, Environment environment) {
        this.connections = connections;
        this.members = members;
        this.environment = environment;
    }

    /** After {@link DemoCommunityLoader} (order 0), which creates the members. */
    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        Map<String, MemberSummary> demo = new HashMap<>();
        for (DemoCommunityLoader.DemoMember m : DemoCommunityLoader.MEMBERS) {
            members.findByUsername(m.username()).ifPresent(s -> demo.put(m.username(), s));
        }
        if (demo.size() < 2 || hasAnyConnection(demo)) {
            return;
        }
        int connected = 0;
        for (Link link : CONNECTED) {
            Optional<RequestResult> request = request(demo, link);
            if (request.isPresent() && request.get().state().connectionId() != null) {
                connections.accept(demo.get(link.to()).id(), request.get().state().connectionId());
                connected++;
            }
        }
        int pending = 0;
        for (Link link : PENDING) {
            if (request(demo, link).isPresent()) {
                pending++;
            }
        }
        log.info("Connected the demo community: {} connections, {} pending requests", connected, pending);
    }

    private Optional<RequestResult> request(Map<String, MemberSummary> demo, Link link) {
        MemberSummary from = demo.get(link.from());
        MemberSummary to = demo.get(link.to());
        if (from == null || to == null) {
            return Optional.empty();
        }
        return Optional.of(connections.request(from.id(), to.id()));
    }

    private boolean hasAnyConnection(Map<String, MemberSummary> demo) {
        List<Long> ids = demo.values().stream().map(MemberSummary::id).toList();
        for (Long id : ids) {
            boolean any = connections.statesBetween(id, ids).values().stream()
                    .anyMatch(state -> !state.isNone() && !state.isSelf());
            if (any) {
                return true;
            }
        }
        return false;
    }
}
