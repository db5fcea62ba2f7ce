package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The state fragment as a profile page uses it: the viewer's state with a member, read from the
 * database, rendered as exactly one set of controls.
 */
@Import(ConnectionStateFragmentIntegrationTests.ProfileLikePage.class)
class ConnectionStateFragmentIntegrationTests extends IntegrationTest {

    /** What the profile page does: look the member up, ask for the state, include the fragment. */
    @TestConfiguration
    @Controller
    static class ProfileLikePage {

        private final MemberDirectory members;
        private final Connections connections;

        ProfileLikePage(MemberDirectory members, Connections connections) {
            this.members = members;
            this.connections = connections;
        }

        // Under /people/ so that anonymous visitors may see it, like the real profile page.
        @GetMapping("/people/state-of-{username}")
        String state(@AuthenticationPrincipal CurrentMember me, @PathVariable String username, Model model) {
            MemberSummary member = members.findByUsername(username).orElseThrow(NotFoundException::new);
            model.addAttribute("state", me == null ? null : connections.stateBetween(me.id(), member.id()));
            model.addAttribute("username", member.username());
            return "test/connection-state";
        }
    }

    @Autowired
    Connections connections;

    private String render(CurrentMember viewer, CurrentMember profile) throws Exception {
        var request = get("/people/state-of-" + profile.username());
        if (viewer != null) {
            request = request.with(user(viewer));
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return html.substring(html.indexOf("<div id=\"subject\">"));
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void onlyForms(String html, String... actions) {
        assertThat(count(html, "<form")).isEqualTo(actions.length);
        for (String action : actions) {
            assertThat(html).contains("action=\"" + action + "\"");
        }
        if (actions.length > 0) {
            assertThat(count(html, "name=\"_csrf\"")).isEqualTo(actions.length);
        }
    }

    @Test
    void strangerSeesOnlyAConnectForm() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        String html = render(anna, ben);
        assertThat(html).contains("data-connection-state=\"NONE\"").contains(">Connect<");
        onlyForms(html, "/connections/request/" + ben.username());
        assertThat(html).contains("name=\"returnTo\" value=\"/people/" + ben.username() + "\"");
        assertThat(html).doesNotContain("/messages/");
    }

    @Test
    void requesterSeesRequestSentWithACancelForm() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connections.request(anna.id(), ben.id()).state().connectionId();
        String html = render(anna, ben);
        assertThat(html).contains("data-connection-state=\"REQUEST_SENT\"").contains("Request sent");
        onlyForms(html, "/connections/" + id + "/cancel");
    }

    @Test
    void receiverSeesAcceptAndRejectForms() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connections.request(anna.id(), ben.id()).state().connectionId();
        String html = render(ben, anna);
        assertThat(html).contains("data-connection-state=\"REQUEST_RECEIVED\"");
        onlyForms(html, "/connections/" + id + "/accept", "/connections/" + id + "/reject");
    }

    @Test
    void connectedMembersSeeMessageLinkAndRemoveForm() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connections.request(anna.id(), ben.id()).state().connectionId();
        connections.accept(ben.id(), id);
        for (var pair : new CurrentMember[][]{{anna, ben}, {ben, anna}}) {
            String html = render(pair[0], pair[1]);
            assertThat(html).contains("data-connection-state=\"CONNECTED\"")
                    .contains("href=\"/messages/" + pair[1].username() + "\"");
            onlyForms(html, "/connections/" + id + "/remove");
        }
    }

    @Test
    void declinedRequesterSeesWhenTheyMayAskAgainAndNoForm() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connections.request(anna.id(), ben.id()).state().connectionId();
        connections.reject(ben.id(), id);
        ConnectionState state = connections.stateBetween(anna.id(), ben.id());
        String html = render(anna, ben);
        assertThat(html).contains("data-connection-state=\"REJECTED_COOLDOWN\"")
                .contains("datetime=\"" + state.retryAfterDate() + "\"");
        onlyForms(html);
        // The member who declined simply sees the connect form again.
        onlyForms(render(ben, anna), "/connections/request/" + anna.username());
    }

    @Test
    void ownProfileShowsNoConnectionControls() throws Exception {
        var anna = newMember("anna");
        String html = render(anna, anna);
        assertThat(html).doesNotContain("data-connection-state");
        onlyForms(html);
    }

    @Test
    void anonymousVisitorIsInvitedToLogIn() throws Exception {
        var ben = newMember("ben");
        String html = render(null, ben);
        assertThat(html).contains("data-connection-state=\"ANONYMOUS\"").contains("href=\"/login\"");
        onlyForms(html);
    }
}
