package com.moviepeople;

import com.moviepeople.feed.Feed;
import com.moviepeople.shared.CurrentMember;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forms drawn by the compiled templates (src/main/jte) carry the session's CSRF token themselves,
 * as Thymeleaf's forms do: a form posted exactly as the page wrote it is accepted, and the same form
 * with another token is refused. Escaping in those templates is covered, page by page, by
 * StoredXssIntegrationTests.
 */
class CompiledTemplatesIntegrationTests extends IntegrationTest {

    @Autowired
    Feed feed;

    private static String tokenOfForm(String html, String action) {
        Matcher m = Pattern.compile("action=\"" + Pattern.quote(action)
                + "\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form to " + action + " with its CSRF field").isTrue();
        return m.group(1);
    }

    @Test
    void aPostCardsApplauseFormCarriesTheSessionsTokenAndWorksAsWritten() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Wrapped the night shoot");

        MvcResult page = mvc.perform(get("/feed").with(user(ben))).andExpect(status().isOk()).andReturn();
        Cookie session = page.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String token = tokenOfForm(page.getResponse().getContentAsString(), "/posts/" + post + "/applaud");

        mvc.perform(post("/posts/" + post + "/applaud").with(user(ben)).cookie(session)
                        .param("_csrf", token).param("returnTo", "/feed").param("applaud", "true"))
                .andExpect(redirectedUrl("/feed#post-" + post));
        mvc.perform(post("/posts/" + post + "/applaud").with(user(ben)).cookie(session)
                        .param("_csrf", "not" + token).param("returnTo", "/feed").param("applaud", "false"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from post_applause where post_id = ?", Long.class, post)).isEqualTo(1);
    }

    /** The feed page itself is compiled (feed/indexPage.jte): its post form carries the token too, and only that token posts. */
    @Test
    void theFeedsPostFormCarriesTheSessionsTokenAndWorksAsWritten() throws Exception {
        CurrentMember maya = newMember("maya");

        MvcResult page = mvc.perform(get("/feed").with(user(maya))).andExpect(status().isOk()).andReturn();
        Cookie session = page.getResponse().getCookie("SESSION");
        String token = tokenOfForm(page.getResponse().getContentAsString(), "/posts");

        mvc.perform(post("/posts").with(user(maya)).cookie(session).param("_csrf", "not" + token).param("content", "Refused"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts").with(user(maya)).cookie(session).param("_csrf", token).param("content", "Call sheet is out"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select body from post where author_id = ?", String.class, maya.id()))
                .containsExactly("Call sheet is out");
    }

    /**
     * The post page is compiled (feed/postPage.jte): its comment form and a comment's "Delete" carry the
     * token and work as written; "Delete" is there for the comment's author and the post's, not for
     * another reader, who gets "Report" instead.
     */
    @Test
    void thePostPagesCommentAndDeleteFormsCarryTheSessionsTokenAndWorkAsWritten() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        long post = feed.publish(maya.id(), "Call sheet for Monday");
        long bens = feed.comment(ben.id(), post, "I can do the early call");

        MvcResult page = mvc.perform(get("/posts/" + post).with(user(ben))).andExpect(status().isOk()).andReturn();
        Cookie session = page.getResponse().getCookie("SESSION");
        String html = page.getResponse().getContentAsString();
        String token = tokenOfForm(html, "/posts/" + post + "/comments");
        assertThat(tokenOfForm(html, "/comments/" + bens + "/delete")).isEqualTo(token);

        mvc.perform(post("/posts/" + post + "/comments").with(user(ben)).cookie(session).param("_csrf", "not" + token)
                        .param("content", "Refused")).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + post + "/comments").with(user(ben)).cookie(session).param("_csrf", token)
                        .param("content", "And the late one"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select body from comment where post_id = ? order by id", String.class, post))
                .containsExactly("I can do the early call", "And the late one");
        mvc.perform(post("/comments/" + bens + "/delete").with(user(ben)).cookie(session).param("_csrf", token))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select body from comment where post_id = ?", String.class, post))
                .containsExactly("And the late one");

        // Carl reads it: no "Delete" for Ben's comment, a "Report" instead; Maya wrote the post: "Delete".
        String carls = mvc.perform(get("/posts/" + post).with(user(carl))).andReturn().getResponse().getContentAsString();
        assertThat(carls).doesNotContain("data-action=\"delete-comment\"").contains("data-report=\"comment\"");
        String mayas = mvc.perform(get("/posts/" + post).with(user(maya))).andReturn().getResponse().getContentAsString();
        assertThat(mayas).contains("data-action=\"delete-comment\"").contains("data-report=\"comment\"");
    }

    @Test
    void aSearchResultsConnectFormCarriesTheSessionsTokenAndWorksAsWritten() throws Exception {
        CurrentMember viewer = newMember("viewer");
        CurrentMember found = newMember("okonkwo");

        MvcResult page = mvc.perform(get("/search").param("q", found.username()).with(user(viewer)))
                .andExpect(status().isOk()).andReturn();
        Cookie session = page.getResponse().getCookie("SESSION");
        String token = tokenOfForm(page.getResponse().getContentAsString(), "/connections/request/" + found.username());

        mvc.perform(post("/connections/request/" + found.username()).with(user(viewer)).cookie(session)
                        .param("_csrf", token).param("returnTo", "/people/" + found.username()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from connection where requester_id = ? and receiver_id = ?",
                Long.class, viewer.id(), found.id())).isEqualTo(1);
    }

    /**
     * A compiled page is sent as UTF-8 bytes written piece by piece: every character intact, the
     * length exact; the templates' static text, encoded at build time, too, in the page itself and
     * in another module's part drawn into it as a string (the credits section).
     */
    @Test
    void aCompiledPageSendsEveryCharacterAsUtf8WithItsExactLength() throws Exception {
        CurrentMember owner = newMember("lucja");
        CurrentMember viewer = newMember("viewer");
        String name = "Łucja Żółkiewska-Nguyễn \uD83C\uDFAC";
        jdbc.update("update member set display_name = ? where id = ?", name, owner.id());

        MvcResult page = mvc.perform(get("/people/" + owner.username()).with(user(viewer))).andExpect(status().isOk()).andReturn();
        byte[] body = page.getResponse().getContentAsByteArray();
        assertThat(page.getResponse().getContentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.getResponse().getContentLength()).isEqualTo(body.length);
        String html = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains(name).contains("hasn’t added any work yet")
                .contains("hasn’t listed any credits yet").contains("</html>");
    }
}
