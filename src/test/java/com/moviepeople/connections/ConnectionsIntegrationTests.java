package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every transition of a connection request through the web, and every refusal. */
@RecordApplicationEvents
class ConnectionsIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Connections connections;

    private ResultActions send(String url, CurrentMember as) throws Exception {
        return mvc.perform(post(url).with(user(as)).with(csrf()));
    }

    private ResultActions request(CurrentMember from, CurrentMember to) throws Exception {
        return send("/connections/request/" + to.username(), from);
    }

    /** Every row involving either member, as stored: the "nothing changed" evidence. */
    private List<Map<String, Object>> rowsOf(CurrentMember a, CurrentMember b) {
        return jdbc.queryForList("""
                select id, requester_id, receiver_id, status, created_at, responded_at from connection
                where requester_id in (?, ?) or receiver_id in (?, ?) order by id""", a.id(), b.id(), a.id(), b.id());
    }

    private Map<String, Object> pairRow(CurrentMember a, CurrentMember b) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select id, requester_id, receiver_id, status, responded_at from connection
                where least(requester_id, receiver_id) = least(?, ?) and greatest(requester_id, receiver_id) = greatest(?, ?)""",
                a.id(), b.id(), a.id(), b.id());
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long pendingId(CurrentMember from, CurrentMember to) {
        return connections.request(from.id(), to.id()).state().connectionId();
    }

    private long connectedId(CurrentMember from, CurrentMember to) {
        long id = pendingId(from, to);
        connections.accept(to.id(), id);
        return id;
    }

    // --- sending ---------------------------------------------------------------------------

    @Test
    void sendingARequestStoresOnePendingRowAndReturnsToTheProfile() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(anna, ben)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + ben.username()))
                .andExpect(flash().attribute("success", containsString("request sent")));
        Map<String, Object> row = pairRow(anna, ben);
        assertThat(row).containsEntry("requester_id", anna.id()).containsEntry("receiver_id", ben.id())
                .containsEntry("status", "PENDING");
        assertThat(row.get("responded_at")).isNull();
        assertThat(connections.stateBetween(anna.id(), ben.id()).kind()).isEqualTo(ConnectionState.Kind.REQUEST_SENT);
        assertThat(connections.stateBetween(ben.id(), anna.id()).kind()).isEqualTo(ConnectionState.Kind.REQUEST_RECEIVED);
    }

    @Test
    void usernameInTheUrlIsCaseInsensitive() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        send("/connections/request/" + ben.username().toUpperCase(), anna)
                .andExpect(redirectedUrl("/people/" + ben.username()));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING");
    }

    @Test
    void sendingTwiceKeepsOneRequest() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(anna, ben);
        request(anna, ben).andExpect(status().isFound()).andExpect(flash().attribute("success", containsString("waiting")));
        assertThat(rowsOf(anna, ben)).hasSize(1);
    }

    @Test
    void requestToYourselfIsRefusedAndStoresNothing() throws Exception {
        var anna = newMember("anna");
        request(anna, anna)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + anna.username()))
                .andExpect(flash().attribute("error", containsString("yourself")));
        assertThat(rowsOf(anna, anna)).isEmpty();
        assertThat(connections.request(anna.id(), anna.id()).outcome()).isEqualTo(RequestResult.Outcome.SELF);
        assertThat(rowsOf(anna, anna)).isEmpty();
    }

    @Test
    void databaseRefusesARowToYourselfAndASecondRowForAPairInEitherDirection() {
        var anna = newMember("anna");
        var ben = newMember("ben");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into connection (requester_id, receiver_id, status) values (?, ?, 'PENDING')", anna.id(), anna.id()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        jdbc.update("insert into connection (requester_id, receiver_id, status) values (?, ?, 'PENDING')", anna.id(), ben.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into connection (requester_id, receiver_id, status) values (?, ?, 'PENDING')", ben.id(), anna.id()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into connection (requester_id, receiver_id, status) values (?, ?, 'PENDING')", anna.id(), ben.id()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void requestToUnknownMemberIs404() throws Exception {
        var anna = newMember("anna");
        send("/connections/request/nobody-" + System.nanoTime() % 100000, anna).andExpect(status().isNotFound());
        send("/connections/request/" + "x".repeat(40), anna).andExpect(status().isNotFound());
        assertThat(rowsOf(anna, anna)).isEmpty();
    }

    @Test
    void askingSomeoneWhoAlreadyAskedYouAcceptsTheirRequest() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(ben, anna);
        events.clear();
        request(anna, ben).andExpect(status().isFound())
                .andExpect(flash().attribute("success", containsString("now connected")));
        assertThat(rowsOf(anna, ben)).hasSize(1);
        assertThat(pairRow(anna, ben)).containsEntry("id", id).containsEntry("status", "ACCEPTED")
                .containsEntry("requester_id", ben.id());
        assertThat(events.stream(ConnectionAccepted.class)).containsExactly(new ConnectionAccepted(id, ben.id(), anna.id()));
        assertThat(connections.areConnected(anna.id(), ben.id())).isTrue();
    }

    @Test
    void requestingAnExistingConnectionChangesNothing() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connectedId(anna, ben);
        var before = rowsOf(anna, ben);
        request(ben, anna).andExpect(flash().attribute("success", containsString("already connected")));
        assertThat(rowsOf(anna, ben)).isEqualTo(before);
    }

    // --- answering -------------------------------------------------------------------------

    @Test
    void receiverAcceptsAndBothAreConnected() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        events.clear();
        send("/connections/" + id + "/accept", ben)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/connections/pending"))
                .andExpect(flash().attribute("success", containsString("now connected")));
        Map<String, Object> row = pairRow(anna, ben);
        assertThat(row).containsEntry("status", "ACCEPTED");
        assertThat(row.get("responded_at")).isNotNull();
        assertThat(events.stream(ConnectionAccepted.class)).containsExactly(new ConnectionAccepted(id, anna.id(), ben.id()));
        assertThat(connections.connectionIdsOf(anna.id())).containsExactly(ben.id());
        assertThat(connections.connectionIdsOf(ben.id())).containsExactly(anna.id());
    }

    @Test
    void acceptingTwiceIsHarmless() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        events.clear();
        send("/connections/" + id + "/accept", ben).andExpect(status().isFound());
        var after = rowsOf(anna, ben);
        send("/connections/" + id + "/accept", ben).andExpect(status().isFound()).andExpect(redirectedUrl("/connections/pending"));
        assertThat(rowsOf(anna, ben)).isEqualTo(after);
        assertThat(events.stream(ConnectionAccepted.class)).hasSize(1);
    }

    @Test
    void formsSendTheMemberBackToALocalPageOnly() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        mvc.perform(post("/connections/" + id + "/accept").param("returnTo", "/people/" + anna.username())
                        .with(user(ben)).with(csrf()))
                .andExpect(redirectedUrl("/people/" + anna.username()));
        for (String evil : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "/people/{x}", "javascript:alert(1)")) {
            mvc.perform(post("/connections/request/" + anna.username()).param("returnTo", evil).with(user(ben)).with(csrf()))
                    .andExpect(redirectedUrl("/people/" + anna.username()));
        }
    }

    @Test
    void rejectionStartsACooldownShownToTheRequester() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        send("/connections/" + id + "/reject", ben)
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", containsString("declined")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "REJECTED");
        assertThat(connections.areConnected(anna.id(), ben.id())).isFalse();

        ConnectionState state = connections.stateBetween(anna.id(), ben.id());
        assertThat(state.kind()).isEqualTo(ConnectionState.Kind.REJECTED_COOLDOWN);
        assertThat(state.retryAfter()).isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));

        var before = rowsOf(anna, ben);
        request(anna, ben)
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", containsString("declined your last request")))
                .andExpect(flash().attribute("error", containsString(String.valueOf(state.retryAfterDate().getYear()))));
        send("/connections/" + id + "/reject", ben).andExpect(status().isFound()); // rejecting twice is harmless
        assertThat(rowsOf(anna, ben)).isEqualTo(before);
        // The one who declined sees no trace of it.
        assertThat(connections.stateBetween(ben.id(), anna.id()).kind()).isEqualTo(ConnectionState.Kind.NONE);
    }

    @Test
    void afterTheCooldownTheRequesterMayAskAgainOnTheSameRow() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        connections.reject(ben.id(), id);
        jdbc.update("update connection set responded_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), id);
        assertThat(connections.stateBetween(anna.id(), ben.id()).kind()).isEqualTo(ConnectionState.Kind.NONE);
        request(anna, ben).andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(rowsOf(anna, ben)).hasSize(1);
        assertThat(pairRow(anna, ben)).containsEntry("id", id).containsEntry("status", "PENDING")
                .containsEntry("requester_id", anna.id());
    }

    @Test
    void theMemberWhoDeclinedMayStillAskThemselves() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        connections.reject(ben.id(), id);
        request(ben, anna).andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, ben)).containsEntry("id", id).containsEntry("status", "PENDING")
                .containsEntry("requester_id", ben.id()).containsEntry("receiver_id", anna.id());
        assertThat(connections.stateBetween(anna.id(), ben.id()).kind()).isEqualTo(ConnectionState.Kind.REQUEST_RECEIVED);
    }

    @Test
    void requesterCancelsAndMayAskAgain() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        send("/connections/" + id + "/cancel", anna)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/connections/pending"))
                .andExpect(flash().attribute("success", containsString("withdrew")));
        assertThat(rowsOf(anna, ben)).isEmpty();
        request(anna, ben).andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eitherSideRemovesAConnectionAndTheyMayConnectAgain(boolean requesterRemoves) throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connectedId(anna, ben);
        events.clear();
        send("/connections/" + id + "/remove", requesterRemoves ? anna : ben)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/connections"))
                .andExpect(flash().attribute("success", containsString("no longer connected")));
        assertThat(rowsOf(anna, ben)).isEmpty();
        assertThat(connections.areConnected(anna.id(), ben.id())).isFalse();
        assertThat(events.stream(ConnectionRemoved.class)).containsExactly(new ConnectionRemoved(id, anna.id(), ben.id()));
        request(ben, anna).andExpect(flash().attribute("success", containsString("request sent")));
    }

    // --- refusals --------------------------------------------------------------------------

    private void refused(String url, CurrentMember as, CurrentMember a, CurrentMember b) throws Exception {
        var before = rowsOf(a, b);
        send(url, as).andExpect(status().isNotFound());
        assertThat(rowsOf(a, b)).as(url + " by " + as.username()).isEqualTo(before);
    }

    @Test
    void onlyTheReceiverAnswersAndOnlyTheRequesterCancelsAPendingRequest() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var stranger = newMember("stranger");
        long id = pendingId(anna, ben);
        events.clear();
        refused("/connections/" + id + "/accept", anna, anna, ben);
        refused("/connections/" + id + "/accept", stranger, anna, ben);
        refused("/connections/" + id + "/reject", anna, anna, ben);
        refused("/connections/" + id + "/reject", stranger, anna, ben);
        refused("/connections/" + id + "/cancel", ben, anna, ben);
        refused("/connections/" + id + "/cancel", stranger, anna, ben);
        refused("/connections/" + id + "/remove", anna, anna, ben);
        refused("/connections/" + id + "/remove", ben, anna, ben);
        refused("/connections/" + id + "/remove", stranger, anna, ben);
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING");
        assertThat(events.stream(ConnectionAccepted.class)).isEmpty();
    }

    @Test
    void aStrangerCannotTouchAConnectionAndAnsweredRequestsCannotBeReanswered() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var stranger = newMember("stranger");
        long id = connectedId(anna, ben);
        events.clear();
        refused("/connections/" + id + "/remove", stranger, anna, ben);
        refused("/connections/" + id + "/accept", stranger, anna, ben);
        refused("/connections/" + id + "/reject", ben, anna, ben);
        refused("/connections/" + id + "/cancel", anna, anna, ben);
        assertThat(pairRow(anna, ben)).containsEntry("status", "ACCEPTED");
        assertThat(events.stream(ConnectionRemoved.class)).isEmpty();

        var carl = newMember("carl");
        long rejected = pendingId(carl, anna);
        connections.reject(anna.id(), rejected);
        refused("/connections/" + rejected + "/accept", anna, carl, anna);
        refused("/connections/" + rejected + "/cancel", carl, carl, anna);
        refused("/connections/" + rejected + "/remove", carl, carl, anna);
    }

    @Test
    void unknownOrMalformedIdsAreNotFoundOrBadRequestNeverAnError() throws Exception {
        var anna = newMember("anna");
        for (String action : List.of("accept", "reject", "cancel", "remove")) {
            send("/connections/999999999/" + action, anna).andExpect(status().isNotFound());
            send("/connections/abc/" + action, anna).andExpect(status().is4xxClientError());
            send("/connections/99999999999999999999999/" + action, anna).andExpect(status().is4xxClientError());
            send("/connections/-1/" + action, anna).andExpect(status().isNotFound());
        }
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndChangeNothing() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = pendingId(anna, ben);
        var before = rowsOf(anna, ben);
        for (String url : List.of("/connections/request/" + anna.username(), "/connections/" + id + "/accept",
                "/connections/" + id + "/reject", "/connections/" + id + "/cancel", "/connections/" + id + "/remove")) {
            mvc.perform(post(url).with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/connections")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/connections/pending")).andExpect(redirectedUrl("/login"));
        assertThat(rowsOf(anna, ben)).isEqualTo(before);
    }

    @Test
    void postsWithoutCsrfTokenAreForbiddenAndChangeNothing() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        long id = pendingId(anna, ben);
        var before = rowsOf(anna, ben);
        mvc.perform(post("/connections/request/" + carl.username()).with(user(anna))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/request/" + anna.username()).with(user(ben))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/accept").with(user(ben))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/reject").with(user(ben))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/cancel").with(user(anna))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/remove").with(user(anna)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(rowsOf(anna, ben)).isEqualTo(before);
        assertThat(rowsOf(anna, carl)).hasSize(1); // only the anna→ben request
    }

    // --- pages -----------------------------------------------------------------------------

    @Test
    void pendingPageListsReceivedWithAnswerFormsAndSentWithCancelForms() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        long received = pendingId(ben, anna);
        long sent = pendingId(anna, carl);
        mvc.perform(get("/connections/pending").with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/connections/" + received + "/accept\"")))
                .andExpect(content().string(containsString("action=\"/connections/" + received + "/reject\"")))
                .andExpect(content().string(containsString("action=\"/connections/" + sent + "/cancel\"")))
                .andExpect(content().string(not(containsString("/connections/" + sent + "/accept"))))
                .andExpect(content().string(not(containsString("/connections/" + received + "/cancel"))))
                .andExpect(content().string(containsString("href=\"/people/" + ben.username() + "\"")))
                .andExpect(content().string(containsString("href=\"/people/" + carl.username() + "\"")))
                .andExpect(content().string(containsString("name=\"returnTo\" value=\"/connections/pending\"")))
                .andExpect(content().string(containsString("data-pending-requests=\"1\"")));
        mvc.perform(get("/connections/pending").with(user(ben)))
                .andExpect(content().string(containsString("action=\"/connections/" + received + "/cancel\"")))
                .andExpect(content().string(not(containsString("/connections/" + sent + "/"))));
    }

    @Test
    void connectionsPageLinksEachConnectionToProfileAndConversation() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        long id = connectedId(anna, ben);
        pendingId(carl, anna);
        mvc.perform(get("/connections").with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/people/" + ben.username() + "\"")))
                .andExpect(content().string(containsString("href=\"/messages/" + ben.username() + "\"")))
                .andExpect(content().string(containsString("action=\"/connections/" + id + "/remove\"")))
                .andExpect(content().string(containsString("Ben Tester")))
                .andExpect(content().string(not(containsString("/people/" + carl.username()))))
                .andExpect(content().string(not(containsString("data-more"))));
        mvc.perform(get("/connections").with(user(carl)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-connections-empty")));
    }

    @Test
    void navigationShowsThePendingReceivedCountOnEveryPage() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        var dora = newMember("dora");
        mvc.perform(get("/connections").with(user(anna))).andExpect(content().string(containsString("data-pending-requests=\"0\"")));
        pendingId(ben, anna);
        pendingId(carl, anna);
        long third = pendingId(dora, anna);
        pendingId(anna, newMember("erin")); // sent, not received: not counted
        connections.reject(anna.id(), third);
        for (String page : List.of("/connections", "/connections/pending", "/feed")) {
            mvc.perform(get(page).with(user(anna))).andExpect(content().string(containsString("data-pending-requests=\"2\"")));
        }
        mvc.perform(get("/feed").with(user(ben))).andExpect(content().string(containsString("data-pending-requests=\"0\"")));
    }

    private static List<String> members(String html, String list) {
        String section = html.substring(html.indexOf("data-" + list), html.indexOf("</ul>", html.indexOf("data-" + list)));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-member=\"([^\"]+)\"").matcher(section);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String link(String html, String marker) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rel=\"next\" " + marker + "\\s+href=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void pendingRequestsArePagedNewestFirstEachListOnItsOwn() throws Exception {
        CurrentMember me = newMember("popular");
        List<String> askers = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            CurrentMember asker = newMember("asker");
            connections.request(asker.id(), me.id());
            askers.add(0, asker.username()); // newest first
        }
        for (int i = 0; i < 21; i++) {
            connections.request(me.id(), newMember("asked").id());
        }

        String first = mvc.perform(get("/connections/pending").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(members(first, "received")).containsExactlyElementsOf(askers.subList(0, 20));
        assertThat(members(first, "sent")).hasSize(20);
        String moreReceived = link(first, "data-more-received");
        String moreSent = link(first, "data-more-sent");
        assertThat(moreReceived).startsWith("/connections/pending?received=");
        assertThat(moreSent).startsWith("/connections/pending?sent=");

        String second = mvc.perform(get(moreReceived).with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(members(second, "received")).containsExactlyElementsOf(askers.subList(20, 23));
        assertThat(link(second, "data-more-received")).isNull();
        assertThat(members(second, "sent")).as("the other list stays on its first page").hasSize(20);

        // Paging the sent list keeps the received list where it was.
        String bothLater = mvc.perform(get(link(second, "data-more-sent")).with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(members(bothLater, "received")).containsExactlyElementsOf(askers.subList(20, 23));
        assertThat(members(bothLater, "sent")).hasSize(1);
    }

    @Test
    void aForgedPendingCursorShowsTheFirstPage() throws Exception {
        CurrentMember me = newMember("forged");
        connections.request(newMember("asker").id(), me.id());
        mvc.perform(get("/connections/pending").param("received", "not-a-cursor").param("sent", "%%%").with(user(me)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-received")));
    }
}
