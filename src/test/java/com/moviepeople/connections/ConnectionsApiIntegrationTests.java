package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The module's public API as other modules use it, and the paged list of connections. */
class ConnectionsApiIntegrationTests extends IntegrationTest {

    @Autowired
    com.moviepeople.blocking.Blocks blocks;

    @Autowired
    Connections connections;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher publisher;

    private long connect(long a, long b) {
        long id = connections.request(a, b).state().connectionId();
        connections.accept(b, id);
        return id;
    }

    /** A member straight in the database: fast enough to create dozens. */
    private long quickMember(String prefix) {
        String username = uniqueName(prefix);
        return jdbc.queryForObject("""
                insert into member (username, email, password_hash, display_name) values (?, ?, 'x', ?) returning id""",
                Long.class, username, username + "@example.com", "Quick " + username);
    }

    @Test
    void answersWhoIsConnectedToWhom() {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        var dora = newMember("dora");
        connect(anna.id(), ben.id());
        connect(carl.id(), anna.id());
        connect(ben.id(), carl.id());
        connections.request(anna.id(), dora.id());

        assertThat(connections.areConnected(anna.id(), ben.id())).isTrue();
        assertThat(connections.areConnected(ben.id(), anna.id())).isTrue();
        assertThat(connections.areConnected(anna.id(), dora.id())).isFalse();
        assertThat(connections.areConnected(anna.id(), anna.id())).isFalse();
        assertThat(connections.connectionIdsOf(anna.id())).containsExactlyInAnyOrder(ben.id(), carl.id());
        assertThat(connections.connectionIdsOf(dora.id())).isEmpty();
        assertThat(connections.connectionCount(anna.id())).isEqualTo(2);
        assertThat(connections.connectionCount(dora.id())).isZero();
        assertThat(connections.mutualConnections(anna.id(), ben.id(), java.util.Set.of(), 3))
                .isEqualTo(new MutualConnections(1, java.util.List.of(carl.id())));
        assertThat(connections.mutualConnections(anna.id(), ben.id(), java.util.Set.of(carl.id()), 3)).isEqualTo(MutualConnections.NONE);
        assertThat(connections.mutualConnections(anna.id(), dora.id(), java.util.Set.of(), 3)).isEqualTo(MutualConnections.NONE);
        assertThat(connections.pendingReceivedCount(dora.id())).isEqualTo(1);
        assertThat(connections.pendingReceivedCount(anna.id())).isZero();
    }

    /**
     * A member in each relation to {@code me}, with the connection's id where there is one: connected,
     * asked by me, asking me, declined my request, declined by me, and a stranger.
     */
    private record Cast(long connected, long connectedId, long sent, long sentId, long received, long receivedId,
                        long declinedMe, long iDeclined, long stranger) {
    }

    private Cast everyRelationTo(long me) {
        long connected = quickMember("connected");
        long sent = quickMember("sent");
        long received = quickMember("received");
        long declinedMe = quickMember("declined");
        long iDeclined = quickMember("ideclined");
        long connectedId = connect(me, connected);
        long sentId = connections.request(me, sent).state().connectionId();
        long receivedId = connections.request(received, me).state().connectionId();
        connections.reject(declinedMe, connections.request(me, declinedMe).state().connectionId());
        connections.reject(me, connections.request(iDeclined, me).state().connectionId());
        return new Cast(connected, connectedId, sent, sentId, received, receivedId, declinedMe, iDeclined, quickMember("stranger"));
    }

    @Test
    void statesBetweenAnswersForManyMembersInOneQuery() {
        var me = newMember("me");
        Cast cast = everyRelationTo(me.id());
        long connected = cast.connected();
        long sent = cast.sent();
        long received = cast.received();
        long declinedMe = cast.declinedMe();
        long stranger = cast.stranger();
        long connectedId = cast.connectedId();
        long sentId = cast.sentId();
        long receivedId = cast.receivedId();

        AtomicInteger statements = new AtomicInteger();
        DataSource counting = ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                statements.addAndGet(queryInfoList.size());
            }
        }).build();
        ConnectionService counted = new ConnectionService(JdbcClient.create(counting), blocks, publisher, Clock.systemUTC());

        Map<Long, ConnectionState> states = counted.statesBetween(me.id(),
                List.of(connected, sent, received, declinedMe, stranger, me.id()));

        assertThat(statements).hasValue(1);
        assertThat(states).hasSize(6);
        assertThat(states.get(connected)).isEqualTo(new ConnectionState(ConnectionState.Kind.CONNECTED, connectedId, null));
        assertThat(states.get(sent)).isEqualTo(new ConnectionState(ConnectionState.Kind.REQUEST_SENT, sentId, null));
        assertThat(states.get(received)).isEqualTo(new ConnectionState(ConnectionState.Kind.REQUEST_RECEIVED, receivedId, null));
        assertThat(states.get(declinedMe).kind()).isEqualTo(ConnectionState.Kind.REJECTED_COOLDOWN);
        assertThat(states.get(stranger)).isEqualTo(ConnectionState.none());
        assertThat(states.get(me.id())).isEqualTo(ConnectionState.self());
        // The same answers one at a time.
        for (long other : List.of(connected, sent, received, declinedMe, stranger, me.id())) {
            assertThat(connections.stateBetween(me.id(), other)).isEqualTo(states.get(other));
        }
        assertThat(counted.statesBetween(me.id(), List.of())).isEmpty();
    }

    @Test
    void theSqlFunctionsColumnsGiveTheSameStatesAsTheJavaApi() {
        // mp_connection_between (V47) joined into another module's statement (people search),
        // then Connections.stateOf: the same state as stateBetween, in either direction.
        var me = newMember("fn");
        Cast cast = everyRelationTo(me.id());

        for (long other : List.of(cast.connected(), cast.sent(), cast.received(), cast.declinedMe(), cast.iDeclined(),
                cast.stranger(), me.id())) {
            List<ConnectionState> viaFunction = jdbc.query("""
                            select o.id as other, cn.id, cn.requester_id, cn.status, cn.responded_at
                            from (select cast(? as bigint) as id) o
                            left join lateral mp_connection_between(?, o.id) cn on true""",
                    (rs, n) -> connections.stateOf(me.id(), rs.getLong("other"), ConnectionPair.read(rs, "")),
                    other, me.id());
            assertThat(viaFunction).as("member %d", other).containsExactly(connections.stateBetween(me.id(), other));
        }
        assertThat(connections.stateBetween(me.id(), cast.declinedMe()).kind()).isEqualTo(ConnectionState.Kind.REJECTED_COOLDOWN);
        assertThat(connections.stateBetween(me.id(), cast.iDeclined())).isEqualTo(ConnectionState.none());
    }

    @Test
    void theProfileFunctionGivesTheCountAndTheSameStateAsTheJavaApi() {
        // mp_profile_connections (V48), joined into the profile page's statement, then
        // Connections.profileConnections with its row: the owner's count and the state between
        // the two, as the Java API gives them, whoever looks.
        var me = newMember("profilefn");
        Cast cast = everyRelationTo(me.id());
        long fans = quickMember("fan");
        connect(fans, cast.connected());
        connect(quickMember("fan"), cast.connected());

        for (long owner : List.of(cast.connected(), cast.sent(), cast.received(), cast.declinedMe(), cast.iDeclined(),
                cast.stranger(), me.id())) {
            ProfileConnectionRow row = profileRow(me.id(), owner);
            ProfileConnections facts = connections.profileConnections(me.id(), owner, row, Set.of(), 3);
            assertThat(facts.state()).as("member %d", owner).isEqualTo(connections.stateBetween(me.id(), owner));
            assertThat(facts.connectionCount()).as("member %d", owner).isEqualTo(connections.connectionCount(owner));
            assertThat(row.pair().connected()).as("member %d", owner).isEqualTo(connections.areConnected(me.id(), owner));
        }
        assertThat(profileRow(me.id(), cast.connected()).connectionCount()).isEqualTo(3);
        assertThat(profileRow(me.id(), me.id()).pair().id()).as("no relation to oneself").isNull();
        // An anonymous visitor (null viewer): the count, and no row for the pair. least(null, x)
        // is x in PostgreSQL, so without its guard the function would look for a pair (x, x).
        ProfileConnectionRow anonymous = profileRow(null, cast.connected());
        assertThat(anonymous.connectionCount()).isEqualTo(3);
        assertThat(anonymous.pair().id()).isNull();
        assertThat(anonymous.pair().connected()).isFalse();
        assertThat(connections.profileConnections(null, cast.connected(), anonymous, Set.of(), 3))
                .isEqualTo(new ProfileConnections(3, ConnectionState.none(), MutualConnections.NONE));
    }

    private ProfileConnectionRow profileRow(Long viewer, long owner) {
        return jdbc.queryForObject("select " + ProfileConnectionRow.columns("cn", "x_")
                        + " from mp_profile_connections(cast(? as bigint), ?) cn",
                (rs, n) -> ProfileConnectionRow.read(rs, "x_"), viewer, owner);
    }

    @Test
    void connectionsPageWalksEveryConnectionOnceAcrossPages() throws Exception {
        var me = newMember("paged");
        Set<String> expected = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            long other = quickMember("friend");
            // Both directions, so the page merges the two halves of the graph.
            ids.add(i % 2 == 0 ? connect(me.id(), other) : connect(other, me.id()));
            expected.add(jdbc.queryForObject("select username::text from member where id = ?", String.class, other));
        }
        // Ties on the time a connection was made must neither repeat nor skip anyone.
        jdbc.update("update connection set responded_at = ? where id = any(?)", Timestamp.from(Instant.parse("2026-01-01T10:00:00Z")),
                ids.subList(10, 35).toArray(Long[]::new));
        connections.request(quickMember("pending"), me.id()); // not a connection yet

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String url = "/connections";
        Pattern member = Pattern.compile("data-connection data-member=\"([^\"]+)\"");
        Pattern next = Pattern.compile("href=\"/connections\\?after=([A-Za-z0-9_-]+)\"");
        while (url != null) {
            String html = mvc.perform(get(url).with(user(me))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Matcher m = member.matcher(html);
            int count = 0;
            while (m.find()) {
                seen.add(m.group(1));
                count++;
            }
            pageSizes.add(count);
            Matcher n = next.matcher(html);
            url = n.find() ? "/connections?after=" + n.group(1) : null;
            assertThat(pageSizes).hasSizeLessThan(10);
        }
        assertThat(pageSizes).containsExactly(20, 20, 7);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBrokenCursorShowsTheFirstPage() throws Exception {
        var me = newMember("cursor");
        long other = quickMember("friend");
        connect(me.id(), other);
        for (String cursor : List.of("garbage", "%%%", "MTIzNDU2", "LTEuLTE", "x".repeat(200))) {
            mvc.perform(get("/connections").param("after", cursor).with(user(me))).andExpect(status().isOk());
        }
    }

    @Test
    void deletingAMemberDeletesTheirConnections() {
        long a = quickMember("gone");
        long b = quickMember("stays");
        connect(a, b);
        jdbc.update("delete from member where id = ?", a);
        assertThat(connections.connectionIdsOf(b)).isEmpty();
    }

    @Test
    void connectionStateForTheSameMemberIsSelf() {
        CurrentMember me = newMember("self");
        assertThat(connections.stateBetween(me.id(), me.id()).isSelf()).isTrue();
    }
}
