package com.moviepeople.profiles;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Another member's profile shows exactly one connection state; your own shows none. */
class ProfileConnectionStateIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    private void expectState(CurrentMember viewer, CurrentMember owner, String state) throws Exception {
        mvc.perform(get("/people/" + owner.username()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-connection-state=\"" + state + "\"")));
    }

    @Test
    void showsConnectThenSentAndRespondThenConnected() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        expectState(anna, ben, "NONE");
        connections.request(anna.id(), ben.id());
        expectState(anna, ben, "REQUEST_SENT");
        expectState(ben, anna, "REQUEST_RECEIVED");
        connections.accept(ben.id(), connections.stateBetween(ben.id(), anna.id()).connectionId());
        expectState(anna, ben, "CONNECTED");
        expectState(ben, anna, "CONNECTED");
        mvc.perform(get("/people/" + ben.username()).with(user(anna)))
                .andExpect(content().string(containsString("1 connection")));
    }

    @Test
    void ownProfileAndAnonymousVisitorsGetNoConnectionControls() throws Exception {
        CurrentMember me = newMember("self");
        mvc.perform(get("/people/" + me.username()).with(user(me)))
                .andExpect(content().string(not(containsString("data-connection-state"))));
        mvc.perform(get("/people/" + me.username()))
                .andExpect(content().string(not(containsString("data-connection-state"))))
                .andExpect(content().string(containsString("data-prompt=\"login-to-connect\"")));
    }

    @Test
    void showsConnectionsInCommon() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        CurrentMember common = newMember("common");
        connections.request(anna.id(), common.id());
        connections.accept(common.id(), connections.stateBetween(common.id(), anna.id()).connectionId());
        connections.request(ben.id(), common.id());
        connections.accept(common.id(), connections.stateBetween(common.id(), ben.id()).connectionId());
        mvc.perform(get("/people/" + ben.username()).with(user(anna)))
                .andExpect(content().string(containsString("data-mutual-count=\"1\"")))
                .andExpect(content().string(containsString("href=\"/people/" + common.username() + "\"")));
    }

    @Test
    void showsHowManyInCommonWithThreeNamesLeavingOutBlockedMembers() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        java.util.List<CurrentMember> common = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CurrentMember both = newMember("common");
            connect(anna, both);
            connect(ben, both);
            common.add(both);
        }
        // Anna blocks one of them: not counted, not named.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/people/" + common.get(0).username() + "/block")
                .with(user(anna)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        String page = mvc.perform(get("/people/" + ben.username()).with(user(anna)))
                .andExpect(content().string(containsString("data-mutual-count=\"5\"")))
                .andExpect(content().string(containsString("5 connections in common")))
                .andReturn().getResponse().getContentAsString();
        String names = page.substring(page.indexOf("5 connections in common"), page.indexOf("</p>", page.indexOf("5 connections in common")));
        assertThat(names).doesNotContain(common.get(0).username());
        assertThat(common.subList(1, 6).stream().filter(m -> names.contains("/people/" + m.username() + "\"")).count()).isEqualTo(3);
    }
}
