package com.moviepeople.demo;

import com.moviepeople.connections.ConnectionState;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo community arrives connected: a realistic network with requests waiting both ways. */
class DemoConnectionsLoaderIntegrationTests extends DemoLoaderTest {

    private List<Map<String, Object>> allRows() {
        return jdbc.queryForList("select * from connection order by id");
    }

    @Test
    void connectsTheDemoCommunityOnce() {
        loadCommunity();
        DemoConnectionsLoader loader = new DemoConnectionsLoader(connections, members, demoOn);
        loader.run(null);

        assertThat(jdbc.queryForObject("select count(*) from connection where status = 'ACCEPTED'", Long.class))
                .isEqualTo(DemoConnectionsLoader.CONNECTED.size());
        assertThat(jdbc.queryForObject("select count(*) from connection where status = 'PENDING'", Long.class))
                .isEqualTo(DemoConnectionsLoader.PENDING.size());
        long agnieszka = id("agnieszka");
        assertThat(connections.connectionIdsOf(agnieszka)).containsExactlyInAnyOrder(id("julien"), id("maya"), id("tomas"));
        assertThat(connections.pendingReceivedCount(agnieszka)).isEqualTo(2);
        assertThat(connections.stateBetween(agnieszka, id("ingrid")).kind()).isEqualTo(ConnectionState.Kind.REQUEST_SENT);
        assertThat(connections.mutualConnections(agnieszka, id("kenji"), java.util.Set.of(), 3).sample()).containsExactly(id("maya"));
        // Everyone has someone.
        for (DemoCommunityLoader.DemoMember m : DemoCommunityLoader.MEMBERS) {
            assertThat(connections.connectionCount(id(m.username()))).as(m.username()).isPositive();
        }

        var before = allRows();
        loader.run(null);
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void doesNothingWhenDisabledOrWithoutDemoMembers() {
        new DemoConnectionsLoader(connections, members, demoOn).run(null);
        assertThat(allRows()).isEmpty();

        MockEnvironment off = new MockEnvironment().withProperty("moviepeople.demo-data", "false");
        loadCommunity();
        new DemoConnectionsLoader(connections, members, off).run(null);
        assertThat(allRows()).isEmpty();
    }

    @Test
    void runsAfterTheCommunityIsCreated() {
        List<Object> runners = new ArrayList<>(List.of(
                new DemoConnectionsLoader(connections, members, demoOn), new DemoCommunityLoader(accounts, profiles, portfolio, demoOn)));
        AnnotationAwareOrderComparator.sort(runners);
        assertThat(runners.get(0)).isInstanceOf(DemoCommunityLoader.class);
    }
}
