package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile URLs in the two fields that become links or embeds (profile website, portfolio media
 * URL): refused with a form error and nothing stored, or — for an http(s) URL carrying quotes —
 * stored and rendered as one harmless, escaped attribute.
 */
class HostileUrlIntegrationTests extends AttackTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "javascript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x",
            "http://evil.example/\"><script>alert(1)</script>", "https://evil.example/' onmouseover='alert(1)",
            "https://evil.example/\" onerror=\"alert(1)", "http://", "ftp://evil.example/x", "https://evil.example/\u0000x"})
    void aHostileWebsiteIsRefusedOrRenderedHarmless(String url) throws Exception {
        CurrentMember me = newMember("web");
        Map<String, String> before = snapshot();
        int status = mvc.perform(post("/profile/edit").with(user(me)).with(csrf()).param("displayName", "Web Tester").param("website", url))
                .andReturn().getResponse().getStatus();
        assertThat(status).isLessThan(500);
        String stored = jdbc.queryForList("select website from profile where member_id = ?", String.class, me.id())
                .stream().findFirst().orElse(null);
        if (stored == null) {
            assertThat(status).isIn(200, 400);
            assertUnchangedSince(before);
        } else {
            assertThat(stored).matches("(?i)https?://[^\\s\\u0000]+.*");
        }
        assertHarmless(mvc.perform(get("/people/" + me.username())).andReturn().getResponse().getContentAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml,<svg onload=alert(1)>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x",
            "http://evil.example/\"><script>alert(1)</script>", "https://evil.example/' onmouseover='alert(1)",
            "https://www.youtube.com/watch?v=\"><script>alert(1)</script>", "https://player.vimeo.com/video/1\"><script>alert(1)</script>",
            "https://evil.example/x.jpg\" onerror=\"alert(1)", "ftp://evil.example/x"})
    void aHostileMediaUrlIsRefusedOrRenderedHarmless(String url) throws Exception {
        CurrentMember me = newMember("media");
        Map<String, String> before = snapshot();
        int status = mvc.perform(post("/portfolio").with(user(me)).with(csrf()).param("title", "Hostile media").param("mediaUrl", url))
                .andReturn().getResponse().getStatus();
        assertThat(status).isLessThan(500);
        String stored = jdbc.queryForList("select media_url from portfolio_item where owner_id = ?", String.class, me.id())
                .stream().findFirst().orElse(null);
        if (stored == null) {
            assertThat(status).isIn(200, 400);
            assertUnchangedSince(before);
        } else {
            assertThat(stored).matches("(?i)https?://.+");
        }
        assertHarmless(mvc.perform(get("/people/" + me.username())).andReturn().getResponse().getContentAsString());
        CurrentMember friend = newMember("friend");
        connections.accept(friend.id(), connections.request(me.id(), friend.id()).state().connectionId());
        assertHarmless(mvc.perform(get("/feed").with(user(friend))).andReturn().getResponse().getContentAsString());
    }

    private static void assertHarmless(String html) {
        assertThat(html).doesNotContainIgnoringCase("href=\"javascript:").doesNotContainIgnoringCase("src=\"javascript:")
                .doesNotContainIgnoringCase("href=\" javascript:").doesNotContain("href=\"data:").doesNotContain("src=\"data:")
                .doesNotContain("href=\"vbscript:").doesNotContain("<script>alert").doesNotContain("<svg onload")
                .doesNotContain("\" onerror=\"alert").doesNotContain("' onmouseover='alert").doesNotContain("href=\"//evil");
    }
}
