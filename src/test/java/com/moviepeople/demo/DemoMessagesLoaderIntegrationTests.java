package com.moviepeople.demo;

import com.moviepeople.messaging.Messaging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo community arrives with a few conversations, and agnieszka has unread messages. */
class DemoMessagesLoaderIntegrationTests extends DemoLoaderTest {

    @Autowired
    Messaging messaging;

    private List<Map<String, Object>> allMessages() {
        return jdbc.queryForList("select * from message order by id");
    }

    @Test
    void writesTheDemoConversationsOnceBetweenConnectedMembers() {
        loadConnectedCommunity();
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
        loadCommunity();
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
