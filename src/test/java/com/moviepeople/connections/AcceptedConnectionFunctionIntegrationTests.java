package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connections module's SQL test for one connection per row (V52): mp_accepted_connection answers
 * a row only for an accepted connection, whichever asked, mp_connected agrees with it, and the
 * planner writes it into the calling statement instead of calling it once per row.
 */
class AcceptedConnectionFunctionIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    TransactionTemplate transactions;

    private boolean accepted(long a, long b) {
        return jdbc.queryForObject("select exists (select 1 from mp_accepted_connection(?, ?))", Boolean.class, a, b);
    }

    private boolean connected(long a, long b) {
        return jdbc.queryForObject("select mp_connected(?, ?)", Boolean.class, a, b);
    }

    @Test
    void answersARowOnlyForAnAcceptedConnectionWhicheverAsked() {
        CurrentMember me = newMember("me");
        CurrentMember friend = newMember("friend");
        CurrentMember asking = newMember("asking");
        CurrentMember refused = newMember("refused");
        CurrentMember stranger = newMember("stranger");
        long connection = connect(me, friend);
        connections.request(asking.id(), me.id());
        long refusal = connections.request(refused.id(), me.id()).state().connectionId();
        connections.reject(me.id(), refusal);

        assertThat(jdbc.queryForList("select id from mp_accepted_connection(?, ?)", Long.class, me.id(), friend.id()))
                .containsExactly(connection);
        assertThat(jdbc.queryForList("select id from mp_accepted_connection(?, ?)", Long.class, friend.id(), me.id()))
                .containsExactly(connection);
        for (CurrentMember other : List.of(asking, refused, stranger, me)) {
            assertThat(accepted(me.id(), other.id())).as(other.username()).isFalse();
            assertThat(accepted(other.id(), me.id())).as(other.username()).isFalse();
            assertThat(connected(me.id(), other.id())).as(other.username()).isFalse();
        }
        assertThat(connected(me.id(), friend.id())).isTrue();
        assertThat(connected(friend.id(), me.id())).isTrue();
    }

    @Test
    void isPlannedIntoTheCallingStatementNotCalledPerRow() {
        CurrentMember me = newMember("me");
        for (int i = 0; i < 4; i++) {
            CurrentMember other = newMember("other");
            if (i % 2 == 0) {
                connect(me, other);
            }
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local track_functions = 'all'");
            long members = jdbc.queryForObject("select count(*) from member", Long.class);
            assertThat(jdbc.queryForObject("select count(*) from member m where exists (select 1 from mp_accepted_connection(m.id, ?))",
                    Long.class, me.id())).isEqualTo(2);
            assertThat(callsOf("mp_accepted_connection(bigint,bigint)")).as("inlined: never called").isZero();
            // The counter does count what is not inlined: mp_connected, once per member.
            assertThat(jdbc.queryForObject("select count(*) from member m where mp_connected(m.id, ?)", Long.class, me.id()))
                    .isEqualTo(2);
            assertThat(callsOf("mp_connected(bigint,bigint)")).isEqualTo(members);
        });
    }
}
