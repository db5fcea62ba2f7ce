package com.moviepeople.feed;

import com.moviepeople.connections.ConnectionAccepted;
import com.moviepeople.connections.ConnectionRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code feed_network} (who sees whose posts) in step with the connections. Synchronous
 * listeners: they run in the transaction that accepts or removes the connection, so the feed and
 * the connection commit or roll back together and the feed is never behind.
 */
@Component
class FeedNetworkUpdater {

    private final JdbcClient jdbc;

    FeedNetworkUpdater(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConnectionAccepted event) {
        jdbc.sql("""
                        insert into feed_network (member_id, author_id) values (:a, :b), (:b, :a)
                        on conflict do nothing""")
                .param("a", event.requesterId()).param("b", event.receiverId()).update();
    }

    @EventListener
    void on(ConnectionRemoved event) {
        jdbc.sql("""
                        delete from feed_network
                        where (member_id, author_id) in ((:a, :b), (:b, :a))""")
                .param("a", event.memberA()).param("b", event.memberB()).update();
    }
}
