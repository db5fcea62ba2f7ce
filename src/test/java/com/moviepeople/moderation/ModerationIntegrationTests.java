package com.moviepeople.moderation;

import com.moviepeople.IntegrationTest;
import com.moviepeople.accounts.MemberModeration;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The moderators' queue: who may use it, dismissing, and suspending (which ends the member's sessions and logins). */
class ModerationIntegrationTests extends IntegrationTest {

    @Autowired
    MemberModeration moderation;

    private CurrentMember moderator() {
        CurrentMember m = newMember("mod");
        moderation.grantModerator(m.username());
        return currentMember(m.username()); // the role is read at login
    }

    private long reportAbout(CurrentMember reporter, CurrentMember target, String reason) {
        return jdbc.queryForObject("""
                insert into report (reporter_id, target_type, target_id, target_member_id, excerpt, reason)
                values (?, 'MEMBER', ?, ?, 'excerpt', ?) returning id""", Long.class, reporter.id(), target.id(), target.id(), reason);
    }

    private Map<String, Object> report(long id) {
        return jdbc.queryForMap("select status, handled_by, handled_at from report where id = ?", id);
    }

    @Test
    void theModeratorRoleIsGrantedAtLogin() throws Exception {
        CurrentMember mod = moderator();
        assertThat(mod.getAuthorities()).extracting(Object::toString).contains("ROLE_MODERATOR");
        mvc.perform(post("/login").with(csrf()).param("username", mod.username()).param("password", PASSWORD))
                .andExpect(authenticated().withRoles("MEMBER", "MODERATOR"));
        mvc.perform(get("/feed").with(user(mod))).andExpect(content().string(containsString("data-nav=\"moderation\"")));
        mvc.perform(get("/feed").with(user(newMember("plain")))).andExpect(content().string(not(containsString("data-nav=\"moderation\""))));
    }

    @Test
    void membersWhoAreNotModeratorsGet403AndChangeNothing() throws Exception {
        CurrentMember plain = newMember("plain");
        long id = reportAbout(newMember("rep"), newMember("target"), "Something bad happened here");
        mvc.perform(get("/moderation/reports").with(user(plain))).andExpect(status().isForbidden());
        mvc.perform(post("/moderation/reports/" + id + "/dismiss").with(user(plain)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/moderation/reports/" + id + "/suspend").with(user(plain)).with(csrf())).andExpect(status().isForbidden());
        assertThat(report(id).get("status")).isEqualTo("OPEN");
        mvc.perform(get("/moderation/reports")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aRoleTakenAwaySinceLoginNoLongerWorks() throws Exception {
        CurrentMember mod = moderator();
        jdbc.update("update member set role = 'MEMBER' where id = ?", mod.id());
        long id = reportAbout(newMember("rep"), newMember("target"), "Something bad happened here");
        mvc.perform(post("/moderation/reports/" + id + "/dismiss").with(user(mod)).with(csrf())).andExpect(status().isForbidden());
        assertThat(report(id).get("status")).isEqualTo("OPEN");
    }

    @Test
    void theQueueListsOpenReportsOldestFirstInKeysetPages() throws Exception {
        cleanDatabase();
        CurrentMember mod = moderator();
        CurrentMember reporter = newMember("rep");
        CurrentMember target = newMember("target");
        for (int i = 0; i < ModerationController.PAGE_SIZE + 3; i++) {
            reportAbout(reporter, newMember("t"), "Report number " + (1000 + i));
        }
        long dismissed = reportAbout(reporter, target, "Already dismissed one");
        jdbc.update("update report set status = 'DISMISSED', handled_at = now() where id = ?", dismissed);

        String first = mvc.perform(get("/moderation/reports").with(user(mod))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Report number 1000").contains("Report number 1019").doesNotContain("Report number 1020")
                .doesNotContain("Already dismissed one");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("/moderation/reports\\?after=(\\d+)").matcher(first);
        assertThat(next.find()).isTrue();
        queries.reset();
        String second = mvc.perform(get("/moderation/reports").param("after", next.group(1)).with(user(mod)))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Report number 1020").contains("Report number 1022").doesNotContain("Report number 1019");
        assertThat(queries.count()).isLessThan(12);
        mvc.perform(get("/moderation/reports").param("after", "not-a-number").with(user(mod))).andExpect(status().isOk());
    }

    @Test
    void dismissingClosesTheReportOnce() throws Exception {
        CurrentMember mod = moderator();
        long id = reportAbout(newMember("rep"), newMember("target"), "Something bad happened here");
        mvc.perform(post("/moderation/reports/" + id + "/dismiss").with(user(mod)).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reports"));
        Map<String, Object> row = report(id);
        assertThat(row.get("status")).isEqualTo("DISMISSED");
        assertThat(row.get("handled_by")).isEqualTo(mod.id());
        assertThat(row.get("handled_at")).isNotNull();
        mvc.perform(post("/moderation/reports/" + id + "/dismiss").with(user(mod)).with(csrf())).andExpect(redirectedUrl("/moderation/reports"));
        assertThat(report(id)).isEqualTo(row);
        mvc.perform(post("/moderation/reports/" + Long.MAX_VALUE / 2 + "/dismiss").with(user(mod)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/moderation/reports/abc/dismiss").with(user(mod)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void suspendingEndsTheMembersSessionsAndLoginsAndClosesTheirReports() throws Exception {
        CurrentMember mod = moderator();
        CurrentMember spammer = newMember("spammer");
        CurrentMember reporter = newMember("rep");
        jakarta.servlet.http.Cookie spammerSession = mvc.perform(post("/login").with(csrf())
                .param("username", spammer.username()).param("password", PASSWORD).param("remember-me", "on"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/feed").cookie(spammerSession)).andExpect(status().isOk());
        long first = reportAbout(reporter, spammer, "Spamming everyone with links");
        long second = reportAbout(newMember("rep2"), spammer, "Same spammer again, please");
        long other = reportAbout(reporter, newMember("innocent"), "Unrelated report stays open");

        mvc.perform(post("/moderation/reports/" + first + "/suspend").with(user(mod)).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reports"));

        assertThat(jdbc.queryForObject("select suspended_at is not null from member where id = ?", Boolean.class, spammer.id())).isTrue();
        assertThat(report(first).get("status")).isEqualTo("ACTIONED");
        assertThat(report(second).get("status")).isEqualTo("ACTIONED");
        assertThat(report(first).get("handled_by")).isEqualTo(mod.id());
        assertThat(report(other).get("status")).isEqualTo("OPEN");
        // The open session ends, remember-me tokens are gone, and logging in again fails like a wrong password.
        mvc.perform(get("/feed").cookie(spammerSession)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Long.class, spammer.username())).isZero();
        mvc.perform(post("/login").with(csrf()).param("username", spammer.username()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void aModeratorCannotSuspendThemself() throws Exception {
        CurrentMember mod = moderator();
        long id = reportAbout(newMember("rep"), mod, "The moderator is rude to me");
        mvc.perform(post("/moderation/reports/" + id + "/suspend").with(user(mod)).with(csrf())).andExpect(redirectedUrl("/moderation/reports"));
        assertThat(jdbc.queryForObject("select suspended_at is null from member where id = ?", Boolean.class, mod.id())).isTrue();
        assertThat(report(id).get("status")).isEqualTo("OPEN");
    }

    @Test
    void aModeratorCannotSuspendAnotherModerator() throws Exception {
        CurrentMember mod = moderator();
        CurrentMember otherMod = moderator();
        long id = reportAbout(newMember("rep"), otherMod, "This moderator deletes my posts");
        mvc.perform(post("/moderation/reports/" + id + "/suspend").with(user(mod)).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reports"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("is a moderator")));
        assertThat(jdbc.queryForObject("select suspended_at is null from member where id = ?", Boolean.class, otherMod.id())).isTrue();
        assertThat(report(id).get("status")).isEqualTo("OPEN");
        assertThat(moderation.suspend(otherMod.id(), mod.id())).as("nor through the accounts API").isFalse();
        assertThat(jdbc.queryForObject("select suspended_at is null from member where id = ?", Boolean.class, otherMod.id())).isTrue();
    }

    @Test
    void theQueueShowsReportTextEscaped() throws Exception {
        cleanDatabase();
        CurrentMember mod = moderator();
        reportAbout(newMember("rep"), newMember("target"), "<script>alert('queue')</script>");
        mvc.perform(get("/moderation/reports").with(user(mod)))
                .andExpect(content().string(not(containsString("<script>alert('queue')"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(")));
    }
}
