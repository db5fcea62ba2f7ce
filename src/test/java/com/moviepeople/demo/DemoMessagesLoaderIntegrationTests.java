package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.connections.Connections;
import com.moviepeople.messaging.Messaging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo community arrives with a few conversations, and agnieszka has unread messages. */
class DemoMessagesLoaderIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    MemberDirectory members;

    @Autowired
    Messaging messaging;

    @Autowired
    com.moviepeople.profiles.ProfileService profiles;

    @Autowired
    com.moviepeople.portfolio.PortfolioService portfolio;

    private final MockEnvironment demoOn = new MockEnvironment().withProperty("moviepeople.demo-data", "true");

    @BeforeEach
    void emptyDatabase() {
        cleanDatabase();
    }

    private long id(String username) {
        return members.findByUsername(username).orElseThrow().id();
    }

    private List<Map<String, Object>> allMessages() {
        return jdbc.queryForList("select * from message order by id");
    }

    @Test
    void writesTheDemoConversationsOnceBetweenConnectedMembers() {
        new DemoCommunityLoader(accounts, profiles, portfolio, demoOn).run(null);
        new DemoConnectionsLoader(connections, members, demoOn).run(null);
        DemoMessagesLoader loader = new DemoMessagesLoader(messaging, members, connections, demoOn);
        loader.run(null);

        assertThat(allMessages()).hasSize(DemoMessagesLoader.LINES.size());
        assertThat(messaging.unreadCount(id("agnieszka"))).isEqualTo(2);
        assertThat(messaging.unreadCount(id("kenji"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from conversation", Long.class)).isEqualTo(3);

        var before = allMessages();
        loader.run(null);
        assertThat(allMessages()).isEqualTo(before);
    }

    @Test
    void doesNothingWhenDisabledOrWithoutConnections() {
        new DemoCommunityLoader(accounts, profiles, portfolio, demoOn).run(null);
        new DemoMessagesLoader(messaging, members, connections, demoOn).run(null);
        assertThat(allMessages()).isEmpty();

        new DemoConnectionsLoader(connections, members, demoOn).run(null);
        MockEnvironment off = new MockEnvironment().withProperty("moviepeople.demo-data", "false");
        new DemoMessagesLoader(messaging, members, connections, off).run(null);
        assertThat(allMessages()).isEmpty();
    }

    @Test
    void runsAfterTheNetworkIsConnected() {
        List<Object> runners = new ArrayList<>(List.of(new DemoMessagesLoader(messaging, members, connections, demoOn),
                new DemoConnectionsLoader(connections, members, demoOn)));
        AnnotationAwareOrderComparator.sort(runners);
        assertThat(runners.get(0)).isInstanceOf(DemoConnectionsLoader.class);
    }
}
