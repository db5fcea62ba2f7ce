package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection counts kept by the database (V46) against a count of the rows, through every way a
 * connection comes and goes; and the mutual connections, found from the smaller network or by
 * intersecting both, against the answer worked out by hand.
 */
class ConnectionTallyIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    private long quickMember(String prefix) {
        String username = uniqueName(prefix);
        return jdbc.queryForObject("""
                insert into member (username, email, password_hash, display_name) values (?, ?, 'x', ?) returning id""",
                Long.class, username, username + "@example.com", "Quick " + username);
    }

    private long connect(long a, long b) {
        long id = connections.request(a, b).state().connectionId();
        connections.accept(b, id);
        return id;
    }

    private long counted(long member) {
        return jdbc.queryForObject("select count(*) from connection where (requester_id = ? or receiver_id = ?) and status = 'ACCEPTED'",
                Long.class, member, member);
    }

    private void assertTallies(long... members) {
        for (long member : members) {
            assertThat(connections.connectionCount(member)).as("member %d", member).isEqualTo(counted(member));
        }
    }

    @Test
    void countsFollowEveryWayAConnectionComesAndGoes() {
        long anna = quickMember("anna");
        long ben = quickMember("ben");
        long carl = quickMember("carl");
        long dora = quickMember("dora");
        long emil = quickMember("emil");

        long annaBen = connect(anna, ben);
        connect(carl, anna);
        long pending = connections.request(anna, dora).state().connectionId();
        assertTallies(anna, ben, carl, dora);
        assertThat(connections.connectionCount(anna)).isEqualTo(2);
        assertThat(connections.connectionCount(dora)).isZero();

        // Rejected, then asked the other way round (the row changes direction and becomes a request).
        connections.reject(dora, pending);
        connections.request(dora, anna);
        assertTallies(anna, dora);
        // Asking back accepts their request.
        connections.request(anna, dora);
        assertThat(connections.connectionCount(dora)).isEqualTo(1);
        assertTallies(anna, dora);

        connections.remove(ben, annaBen);
        assertThat(connections.connectionCount(ben)).isZero();
        assertTallies(anna, ben);

        // Several rows in one statement, as the generator writes them.
        jdbc.update("""
                insert into connection (requester_id, receiver_id, status, created_at, responded_at)
                values (?, ?, 'ACCEPTED', now(), now()), (?, ?, 'ACCEPTED', now(), now()), (?, ?, 'PENDING', now(), null)""",
                emil, anna, emil, ben, emil, carl);
        assertTallies(anna, ben, carl, dora, emil);
        assertThat(connections.connectionCount(emil)).isEqualTo(2);

        // A member's deletion takes their connections, and everyone else's counts go down.
        jdbc.update("delete from member where id = ?", anna);
        assertTallies(ben, carl, dora, emil);
        assertThat(connections.connectionCount(carl)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from connection_tally where member_id = ?", Long.class, anna)).isZero();
    }

    @Test
    void mutualConnectionsAreTheSameWhicheverWayTheyAreFound() {
        // A hub with 40 connections, a member with 3 of them (probe from the smaller side: 3 * 12 < 43),
        // and a second hub sharing 20 (both lists intersected: 20-odd * 12 > the sum).
        long hub = quickMember("hub");
        long small = quickMember("small");
        long otherHub = quickMember("otherhub");
        List<Long> friends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long friend = quickMember("friend");
            friends.add(friend);
            if (i % 2 == 0) {
                connect(hub, friend);
            } else {
                connect(friend, hub);
            }
        }
        connect(small, friends.get(3));
        connect(friends.get(17), small);
        connect(small, friends.get(30));
        for (int i = 0; i < 20; i++) {
            connect(otherHub, friends.get(i * 2));
        }
        for (int i = 0; i < 5; i++) {
            connect(otherHub, quickMember("onlyother"));
        }

        assertThat(connections.mutualConnections(small, hub, Set.of(), 3))
                .isEqualTo(new MutualConnections(3, List.of(friends.get(3), friends.get(17), friends.get(30))));
        assertThat(connections.mutualConnections(hub, small, Set.of(friends.get(17)), 3))
                .isEqualTo(new MutualConnections(2, List.of(friends.get(3), friends.get(30))));
        TreeSet<Long> shared = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            shared.add(friends.get(i * 2));
        }
        assertThat(connections.mutualConnections(hub, otherHub, Set.of(), 3))
                .isEqualTo(new MutualConnections(20, shared.stream().limit(3).toList()));
        assertThat(connections.mutualConnections(otherHub, hub, Set.of(shared.first()), 2))
                .isEqualTo(new MutualConnections(19, shared.stream().skip(1).limit(2).toList()));

        // The profile's facts: the owner's count from the tally, the same mutual connections.
        ProfileConnections facts = connections.profileConnections(small, hub, Set.of(), 3);
        assertThat(facts.connectionCount()).isEqualTo(40);
        assertThat(facts.mutual()).isEqualTo(new MutualConnections(3, List.of(friends.get(3), friends.get(17), friends.get(30))));
        ProfileConnections hubs = connections.profileConnections(otherHub, hub, Set.of(), 3);
        assertThat(hubs.connectionCount()).isEqualTo(40);
        assertThat(hubs.mutual().count()).isEqualTo(20);
        assertThat(connections.profileConnections(hub, small, Set.of(), 3).connectionCount()).isEqualTo(3);
    }

    @Test
    void theProfilesMutualConnectionsFollowNewAndRemovedConnectionsAndDeletedMembers() {
        long owner = quickMember("owner");
        long viewer = quickMember("viewer");
        long first = quickMember("first");
        long second = quickMember("second");
        connect(owner, first);
        connect(viewer, first);
        connect(owner, second);
        assertThat(connections.profileConnections(viewer, owner, Set.of(), 3).mutual())
                .isEqualTo(new MutualConnections(1, List.of(first)));

        // Kept in memory between views, and dropped when either member's connections change.
        long viewerSecond = connect(second, viewer);
        assertThat(connections.profileConnections(viewer, owner, Set.of(), 3).mutual())
                .isEqualTo(new MutualConnections(2, List.of(first, second)));
        assertThat(connections.profileConnections(owner, viewer, Set.of(), 3).mutual().count()).isEqualTo(2);
        // Blocked members are left out of the count the viewer sees.
        assertThat(connections.profileConnections(viewer, owner, Set.of(first), 3).mutual())
                .isEqualTo(new MutualConnections(1, List.of(second)));

        connections.remove(viewer, viewerSecond);
        assertThat(connections.profileConnections(viewer, owner, Set.of(), 3).mutual())
                .isEqualTo(new MutualConnections(1, List.of(first)));

        jdbc.update("delete from member where id = ?", first);
        connections.profileConnections(viewer, owner, Set.of(), 3); // still in memory until the event below
        publisher.publishEvent(new com.moviepeople.accounts.MemberDeleted(first, "first"));
        assertThat(connections.profileConnections(viewer, owner, Set.of(), 3).mutual()).isEqualTo(MutualConnections.NONE);
        assertThat(connections.profileConnections(viewer, owner, Set.of(), 3).connectionCount()).isEqualTo(1);
    }
}
