package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

/** Issue 23: a note with a connection request (its limits, its escaping) and "ignore and block" in one step. */
class ConnectionRequestNoteIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    Blocks blocks;

    @Autowired
    RateLimiter rateLimiter;

    private ResultActions request(CurrentMember from, CurrentMember to, String note) throws Exception {
        return mvc.perform(post("/connections/request/" + to.username()).param("note", note).with(user(from)).with(csrf()));
    }

    private ResultActions block(CurrentMember as, long id) throws Exception {
        return mvc.perform(post("/connections/" + id + "/block").with(user(as)).with(csrf()));
    }

    /** The pair's row as stored (at most one), or null. */
    private Map<String, Object> pairRow(CurrentMember a, CurrentMember b) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select id, requester_id, receiver_id, status, note from connection
                where least(requester_id, receiver_id) = least(?, ?) and greatest(requester_id, receiver_id) = greatest(?, ?)""",
                a.id(), b.id(), a.id(), b.id());
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String storedNote(CurrentMember a, CurrentMember b) {
        return (String) pairRow(a, b).get("note");
    }

    private long blockCount(CurrentMember a, CurrentMember b) {
        return jdbc.queryForObject("select count(*) from member_block where blocker_id in (?, ?) and blocked_id in (?, ?)",
                Long.class, a.id(), b.id(), a.id(), b.id());
    }

    private String page(String url, CurrentMember as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private CurrentMember unverified(String prefix) {
        CurrentMember member = newMember(prefix);
        jdbc.update("update member set email_verified_at = null where id = ?", member.id());
        return member;
    }

    // --- the note ----------------------------------------------------------------------------

    @Test
    void theReceiverSeesTheNoteAsPlainTextWithItsLineBreaksAndNoLinks() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        String note = "We met on <script>alert(1)</script> set.\nMy reel: <a href=\"https://evil.example/\">here</a>"
                + " or https://example.com/reel";
        request(anna, ben, note)
                .andExpect(redirectedUrl("/people/" + ben.username()))
                .andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(storedNote(anna, ben)).isEqualTo(note);

        String html = page("/connections/pending", ben);
        List<String> shown = requestNotesIn(html);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; set.\nMy reel: &lt;a href=&quot;https://evil.example/&quot;&gt;")
                .doesNotContain("<a").doesNotContain("<script").doesNotContain("href=\"https://example.com/reel\"");
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("href=\"https://evil.example/\"")
                .doesNotContain("href=\"https://example.com/reel\"")
                .contains("Their note:");
        // Inside the requester's card, kept in one list item with its answer forms.
        assertThat(html.substring(html.indexOf("data-received"))).contains("data-member=\"" + anna.username() + "\"");

        // The sender sees their own note in the sent list.
        String sent = page("/connections/pending", anna);
        assertThat(requestNotesIn(sent)).hasSize(1);
        assertThat(sent).contains("Your note:");
    }

    @Test
    void aRequestWithoutANoteWorksAsBeforeAndShowsNoNote() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        mvc.perform(post("/connections/request/" + ben.username()).with(user(anna)).with(csrf()))
                .andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING").containsEntry("note", null);
        assertThat(requestNotesIn(page("/connections/pending", ben))).isEmpty();
    }

    @Test
    void threeHundredCharactersAreAcceptedAndEachEmojiCountsAsOne() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        String letters = "n".repeat(300);
        request(anna, ben, letters).andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(storedNote(anna, ben)).isEqualTo(letters);

        String emoji = "🎬".repeat(300); // 600 UTF-16 units, 300 characters
        request(anna, cleo, emoji).andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(storedNote(anna, cleo)).isEqualTo(emoji);
        assertThat(jdbc.queryForObject("select char_length(note) from connection where requester_id = ? and receiver_id = ?",
                Integer.class, anna.id(), cleo.id())).isEqualTo(300);
    }

    @Test
    void aNoteOf301CharactersRefusesTheRequestAndKeepsTheTypedNote() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        String tooLong = "n".repeat(300) + "🎬";
        MvcResult result = request(anna, ben, tooLong)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + ben.username()))
                .andExpect(flash().attribute("error", containsString("300 characters")))
                .andExpect(flash().attribute("error", containsString("301")))
                .andExpect(flash().attribute("requestNote", tooLong))
                .andReturn();
        assertThat(pairRow(anna, ben)).isNull();
        assertThat(connections.pendingReceivedCount(ben.id())).isZero();

        // Back on the profile (the flash lives in the session: its cookie): the message, and the
        // note open in its field to shorten it.
        String profile = mvc.perform(get("/people/" + ben.username()).with(user(anna))
                        .cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("this one has 301").contains(">" + tooLong + "</textarea>");
        // The boolean attribute, written "open" or "open=\"open\"" (same thing in HTML).
        assertThat(profile).containsPattern("<details class=\"connection-note[^>]* open(=\"open\")?[ >]");
    }

    @Test
    void aMegabyteNoteIsRefusedWithoutStoringOrFlashingItWhole() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        String huge = "x".repeat(1024 * 1024);
        MvcResult result = request(anna, ben, huge).andExpect(status().isFound())
                .andExpect(flash().attribute("error", containsString("300 characters"))).andReturn();
        assertThat(pairRow(anna, ben)).isNull();
        assertThat((String) result.getFlashMap().get("requestNote")).hasSizeLessThanOrEqualTo(600);
    }

    @Test
    void aBlankNoteIsNoNote() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(anna, ben, " \n\t\r\n\u00a0\u3000 ").andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING").containsEntry("note", null);
    }

    @Test
    void controlCharactersAreDroppedAndLineBreaksKept() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(anna, ben, "  Hi\u0000 Ben\u0007,\r\nsee you\ton set\u001b.\rBye  ")
                .andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(storedNote(anna, ben)).isEqualTo("Hi Ben,\nsee you on set.\nBye");
    }

    @Test
    void anUnverifiedMemberCannotAttachANoteButMayStillAskWithout() throws Exception {
        var anna = unverified("anna");
        var ben = newMember("ben");
        request(anna, ben, "Hello from an unverified account")
                .andExpect(redirectedUrl("/people/" + ben.username()))
                .andExpect(flash().attribute("error", containsString("Confirm your e-mail address")));
        assertThat(pairRow(anna, ben)).isNull();

        request(anna, ben, "").andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING").containsEntry("note", null);

        // Their profile pages say so instead of offering the field.
        var cleo = newMember("cleo");
        String profile = page("/people/" + cleo.username(), anna);
        assertThat(profile).contains("Confirm your e-mail address to add a note").doesNotContain("name=\"note\"");
    }

    @Test
    void notesAreLimitedPerSenderAndDayAndOnlyRequestsWithANoteCount() throws Exception {
        var anna = newMember("anna");
        String key = Long.toString(anna.id());
        for (int i = 0; i < 19; i++) {
            assertThat(rateLimiter.tryConsume(ConnectionsController.NOTES_LIMIT, key)).isTrue();
        }
        var bare = newMember("bare");
        request(anna, bare, "").andExpect(flash().attribute("success", containsString("request sent")));
        var twentieth = newMember("twentieth");
        request(anna, twentieth, "The twentieth note today").andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(storedNote(anna, twentieth)).isEqualTo("The twentieth note today");

        var over = newMember("over");
        request(anna, over, "One note too many")
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + over.username()))
                .andExpect(flash().attribute("error", containsString("as many notes as you can today")))
                .andExpect(flash().attribute("requestNote", "One note too many"));
        assertThat(pairRow(anna, over)).isNull();
        // Without the note the request goes.
        request(anna, over, "").andExpect(flash().attribute("success", containsString("request sent")));
        assertThat(pairRow(anna, over)).containsEntry("note", null);
    }

    @Test
    void askingSomeoneWhoAskedFirstAcceptsTheirRequestAndStoresNoNote() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(ben, anna, "Ben's note").andExpect(flash().attribute("success", containsString("request sent")));
        request(anna, ben, "Anna's note")
                .andExpect(flash().attribute("success", containsString("now connected")))
                .andExpect(flash().attribute("success", containsString("Your note was not sent")));
        assertThat(pairRow(anna, ben)).containsEntry("status", "ACCEPTED").containsEntry("requester_id", ben.id())
                .containsEntry("note", null);
    }

    @Test
    void answeringARequestClearsItsNote() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        request(anna, ben, "Accept me").andExpect(status().isFound());
        request(anna, cleo, "Reject me").andExpect(status().isFound());
        connections.accept(ben.id(), (Long) pairRow(anna, ben).get("id"));
        connections.reject(cleo.id(), (Long) pairRow(anna, cleo).get("id"));
        assertThat(pairRow(anna, ben)).containsEntry("status", "ACCEPTED").containsEntry("note", null);
        assertThat(pairRow(anna, cleo)).containsEntry("status", "REJECTED").containsEntry("note", null);
        // And the database keeps it that way.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "update connection set note = 'lingering' where id = ?", pairRow(anna, ben).get("id")))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void theProfileOffersAnAccessibleNoteFieldWithTheConnectButton() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        String html = page("/people/" + ben.username(), anna);
        String id = "request-note-" + ben.username();
        assertThat(html).contains("<summary class=\"btn btn-link btn-sm p-0\">Add a note")
                .contains("<label class=\"form-label small mt-2 mb-1\" for=\"" + id + "\"")
                .containsPattern("<textarea [^>]*name=\"note\" id=\"" + Pattern.quote(id) + "\" rows=\"3\" maxlength=\"300\"\\s+aria-describedby=\""
                        + Pattern.quote(id) + "-hint\"")
                .contains("id=\"" + id + "-hint\"");
        // The note field sits inside the connect form.
        String form = html.substring(html.indexOf("action=\"/connections/request/" + ben.username() + "\""));
        assertThat(form.substring(0, form.indexOf("</form>"))).contains("name=\"note\"");
    }

    // --- ignore and block --------------------------------------------------------------------

    @Test
    void theReceiverBlocksTheRequesterInOneStep() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        request(anna, ben, "Please connect").andExpect(status().isFound());
        long id = (Long) pairRow(anna, ben).get("id");

        block(ben, id)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/connections/pending"))
                .andExpect(flash().attribute("success", "Anna Tester is blocked and will not be able to contact you."
                        + " Undo in Settings → Blocked members."));
        assertThat(pairRow(anna, ben)).isNull();
        assertThat(blocks.hasBlocked(ben.id(), anna.id())).isTrue();
        assertThat(connections.pendingReceivedCount(ben.id())).isZero();
        mvc.perform(get("/connections/pending").with(user(ben)))
                .andExpect(content().string(not(containsString("data-member=\"" + anna.username() + "\""))));

        // The requester can no longer ask again, with or without a note.
        request(anna, ben, "Again?").andExpect(status().isNotFound());
        request(anna, ben, "").andExpect(status().isNotFound());
        assertThat(pairRow(anna, ben)).isNull();
        // Blocking again (a double submit) finds nothing to block.
        block(ben, id).andExpect(status().isNotFound());
        assertThat(blockCount(anna, ben)).isOne();
    }

    @Test
    void onlyTheReceiverOfAPendingRequestMayBlockThroughIt() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var stranger = newMember("stranger");
        request(anna, ben, "A note").andExpect(status().isFound());
        long id = (Long) pairRow(anna, ben).get("id");
        var before = pairRow(anna, ben);
        for (CurrentMember notTheReceiver : List.of(anna, stranger)) {
            block(notTheReceiver, id).andExpect(status().isNotFound());
            assertThat(pairRow(anna, ben)).isEqualTo(before);
            assertThat(blockCount(anna, ben) + blockCount(anna, stranger) + blockCount(ben, stranger)).isZero();
        }
        block(ben, 999_999_999L).andExpect(status().isNotFound());
        mvc.perform(post("/connections/abc/block").with(user(ben)).with(csrf())).andExpect(status().is4xxClientError());
        assertThat(pairRow(anna, ben)).isEqualTo(before);
    }

    @Test
    void answeredRequestsAndConnectionsCannotBeBlockedThrough() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        long connected = connect(anna, ben);
        long rejected = connections.request(cleo.id(), ben.id()).state().connectionId();
        connections.reject(ben.id(), rejected);
        for (long id : new long[] {connected, rejected}) {
            block(ben, id).andExpect(status().isNotFound());
        }
        assertThat(pairRow(anna, ben)).containsEntry("status", "ACCEPTED");
        assertThat(pairRow(cleo, ben)).containsEntry("status", "REJECTED");
        assertThat(blockCount(anna, ben) + blockCount(cleo, ben)).isZero();
    }

    @Test
    void blockingWithoutTheCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        long id = connections.request(anna.id(), ben.id()).state().connectionId();
        mvc.perform(post("/connections/" + id + "/block").with(user(ben))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/block").with(user(ben)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/connections/" + id + "/block").with(csrf())).andExpect(redirectedUrl("/login"));
        assertThat(pairRow(anna, ben)).containsEntry("status", "PENDING");
        assertThat(blockCount(anna, ben)).isZero();
    }

    @Test
    void thePendingPageOffersIgnoreAndBlockForReceivedRequestsOnly() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        long received = connections.request(ben.id(), anna.id()).state().connectionId();
        long sent = connections.request(anna.id(), cleo.id()).state().connectionId();
        String html = page("/connections/pending", anna);
        assertThat(html).contains("action=\"/connections/" + received + "/block\"")
                .doesNotContain("/connections/" + sent + "/block")
                .contains("data-action=\"block-request\"");
        // Not on a profile page: there, the "…" menu blocks.
        assertThat(page("/people/" + ben.username(), anna)).doesNotContain("/block\" data-action=\"block-request\"")
                .doesNotContain("/connections/" + received + "/block");
    }
}
