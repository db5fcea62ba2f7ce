package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feed's copy of the network ({@code feed_network}) follows the connections exactly: both
 * directions on accept, gone on removal, on a block, on a member's deletion; nothing for pending or
 * rejected requests.
 */
class FeedNetworkIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    private List<String> network(CurrentMember... members) {
        return jdbc.queryForList("""
                select m.username || '>' || a.username from feed_network n
                join member m on m.id = n.member_id join member a on a.id = n.author_id
                where n.member_id = any(?) order by 1""", String.class,
                (Object) java.util.Arrays.stream(members).map(CurrentMember::id).toArray(Long[]::new));
    }

    @Test
    void acceptingAddsBothDirectionsAndRemovingTakesThemAway() {
        var anna = newMember("fn-anna");
        var ben = newMember("fn-ben");
        var cleo = newMember("fn-cleo");
        long request = connections.request(anna.id(), ben.id()).state().connectionId();
        connections.request(anna.id(), cleo.id());
        assertThat(network(anna, ben, cleo)).as("pending requests are not a network").isEmpty();

        connections.accept(ben.id(), request);
        connections.accept(ben.id(), request); // a double submit changes nothing
        assertThat(network(anna, ben, cleo)).containsExactly(anna.username() + ">" + ben.username(), ben.username() + ">" + anna.username());

        connections.remove(ben.id(), request);
        assertThat(network(anna, ben, cleo)).isEmpty();
    }

    @Test
    void aRejectedRequestAddsNothing() {
        var anna = newMember("fn-anna");
        var ben = newMember("fn-ben");
        connections.reject(ben.id(), connections.request(anna.id(), ben.id()).state().connectionId());
        assertThat(network(anna, ben)).isEmpty();
    }

    @Test
    void aBlockEndsTheNetworkBothWays() throws Exception {
        var anna = newMember("fn-anna");
        var ben = newMember("fn-ben");
        var cleo = newMember("fn-cleo");
        connect(anna, ben);
        connect(anna, cleo);
        mvc.perform(post("/people/" + ben.username() + "/block").with(user(anna)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(network(anna, ben, cleo)).containsExactly(anna.username() + ">" + cleo.username(), cleo.username() + ">" + anna.username());
    }

    @Test
    void aDeletedMemberLeavesEveryNetwork() {
        var anna = newMember("fn-anna");
        var ben = newMember("fn-ben");
        connect(anna, ben);
        jdbc.update("delete from member where id = ?", ben.id());
        assertThat(network(anna)).isEmpty();
    }
}
