package com.moviepeople.profiles;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.Visibility;
import com.moviepeople.shared.Visibility.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23, "choose who sees what": each visibility level of each field, for each kind of viewer,
 * in each place the field appears (profile page, link previews, search results and the search by
 * location, lists of members), and the settings form itself.
 */
class PrivacyIntegrationTests extends IntegrationTest {

    private static final String LOCATION = "Zakopane";
    private static final String WEBSITE = "https://reel.example.org/maja";

    @Autowired
    ProfileService profiles;

    /** The owner with every field filled in, a connection, a member who is not one, and a third member connected to the owner. */
    private record World(CurrentMember owner, CurrentMember connection, CurrentMember member, CurrentMember friend) {
    }

    private World world(Visibility level) {
        cleanDatabase(); // searches below must see only this world's Maja
        CurrentMember owner = newMember("maja");
        CurrentMember connection = newMember("conn");
        CurrentMember member = newMember("memb");
        CurrentMember friend = newMember("frnd");
        profiles.save(owner.id(), new ProfileForm("Maja Privat", "Focus puller", "1st AC", LOCATION, null, WEBSITE));
        connect(owner, connection);
        connect(owner, friend);
        connect(member, friend); // so member and owner have a connection in common
        profiles.savePrivacy(owner.id(), new PrivacySettings(level, level, level, level));
        return new World(owner, connection, member, friend);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentMember as) throws Exception {
        if (as != null) {
            request.with(user(as));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void theProfilePageShowsEachFieldOnlyToWhoTheOwnerChose(Visibility level) throws Exception {
        World w = world(level);
        var viewers = new java.util.LinkedHashMap<Viewer, CurrentMember>();
        viewers.put(Viewer.ANONYMOUS, null);
        viewers.put(Viewer.MEMBER, w.member());
        viewers.put(Viewer.CONNECTION, w.connection());
        viewers.put(Viewer.OWNER, w.owner());
        for (var entry : viewers.entrySet()) {
            String html = page(get("/people/" + w.owner().username()), entry.getValue());
            boolean shown = level.shows(entry.getKey());
            String who = level + " seen by " + entry.getKey();
            assertThat(html.contains("data-field=\"location\"")).as("location, " + who).isEqualTo(shown);
            assertThat(html.contains(LOCATION)).as("location anywhere on the page (link previews too), " + who).isEqualTo(shown);
            assertThat(html.contains("data-field=\"website\"")).as("website, " + who).isEqualTo(shown);
            assertThat(html.contains("reel.example.org")).as("website anywhere, " + who).isEqualTo(shown);
            assertThat(html.contains("data-field=\"email\"")).as("e-mail, " + who).isEqualTo(shown);
            assertThat(html.contains(w.owner().username() + "@example.com")).as("e-mail anywhere, " + who).isEqualTo(shown);
            assertThat(html.contains("data-connection-count")).as("connection count, " + who).isEqualTo(shown);
            if (shown) {
                // The count comes with the page's own statement (V48), for anonymous visitors too.
                assertThat(html).as("the owner's two connections, " + who).contains("data-connection-count>2 connections</p>");
            }
            if (entry.getKey() == Viewer.MEMBER) {
                assertThat(html.contains("data-mutual-count")).as("connections in common, " + who).isEqualTo(shown);
            }
            // What everyone sees whatever the choices.
            assertThat(html).contains("Maja Privat").contains("Focus puller");
        }
    }

    @Test
    void theDefaultsShowAllButTheEmailAddress() throws Exception {
        World w = world(Visibility.EVERYONE);
        profiles.savePrivacy(w.owner().id(), PrivacySettings.DEFAULT);
        assertThat(profiles.privacyOf(newMember("fresh").id())).isEqualTo(PrivacySettings.DEFAULT);
        String html = page(get("/people/" + w.owner().username()), null);
        assertThat(html).contains("data-field=\"location\"").contains("data-field=\"website\"").contains("data-connection-count")
                .doesNotContain("data-field=\"email\"").doesNotContain("@example.com");
    }

    @Test
    void anUnconfirmedAddressIsNeverShown() throws Exception {
        World w = world(Visibility.EVERYONE);
        jdbc.update("update member set email_verified_at = null where id = ?", w.owner().id());
        assertThat(page(get("/people/" + w.owner().username()), w.connection())).doesNotContain("data-field=\"email\"");
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void searchShowsAndMatchesTheLocationOnlyWhereTheOwnerShowsIt(Visibility level) throws Exception {
        World w = world(level);
        for (CurrentMember viewer : new CurrentMember[] {w.member(), w.connection()}) {
            Viewer as = viewer == w.member() ? Viewer.MEMBER : Viewer.CONNECTION;
            boolean shown = level.shows(as);
            String byLocation = page(get("/search").param("location", LOCATION), viewer);
            assertThat(byLocation.contains("/people/" + w.owner().username() + "\""))
                    .as("found by location=, " + level + " searched by " + as).isEqualTo(shown);
            String byName = page(get("/search").param("q", "Maja Privat"), viewer);
            assertThat(byName).as("found by name whatever the choice").contains("/people/" + w.owner().username());
            assertThat(byName.contains(LOCATION)).as("location in the result, " + level + " seen by " + as).isEqualTo(shown);
        }
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void listsOfMembersCarryTheLocationOnlyWhenAllMembersMaySeeIt(Visibility level) throws Exception {
        World w = world(level);
        String connections = page(get("/connections"), w.connection());
        assertThat(connections).contains("Maja Privat");
        assertThat(connections.contains(LOCATION)).as(level.toString()).isEqualTo(level.shows(Viewer.MEMBER));
    }

    @Test
    void theSettingsFormShowsTheChoicesAndSavesThem() throws Exception {
        CurrentMember me = newMember("sett");
        String form = page(get("/settings/privacy"), me);
        assertThat(form).contains("data-form=\"privacy\"")
                .contains("name=\"email\"").contains("name=\"location\"").contains("name=\"website\"").contains("name=\"connectionsList\"");
        assertThat(form).containsPattern("id=\"email-nobody\"[^>]*checked");
        assertThat(form).containsPattern("id=\"location-everyone\"[^>]*checked");

        mvc.perform(post("/settings/privacy").with(user(me)).with(csrf())
                        .param("connectionsList", "connections").param("location", "members")
                        .param("website", "nobody").param("email", "connections"))
                .andExpect(redirectedUrl("/settings/privacy"))
                .andExpect(flash().attributeExists("success"));
        assertThat(profiles.privacyOf(me.id())).isEqualTo(new PrivacySettings(Visibility.CONNECTIONS, Visibility.MEMBERS,
                Visibility.NOBODY, Visibility.CONNECTIONS));
        assertThat(page(get("/settings/privacy"), me)).containsPattern("id=\"website-nobody\"[^>]*checked");
    }

    @Test
    void anUnknownChoiceIsRefusedNextToItsFieldAndNothingIsSaved() throws Exception {
        CurrentMember me = newMember("badp");
        String html = mvc.perform(post("/settings/privacy").with(user(me)).with(csrf())
                        .param("connectionsList", "members").param("location", "planet")
                        .param("website", "nobody").param("email", "everyone\u0000"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"location-error\"").contains("id=\"email-error\"").contains("Choose one of the four options.")
                .doesNotContain("id=\"website-error\"");
        // The valid choices are kept in the form.
        assertThat(html).containsPattern("id=\"website-nobody\"[^>]*checked").containsPattern("id=\"connectionsList-members\"[^>]*checked");
        assertThat(profiles.privacyOf(me.id())).isEqualTo(PrivacySettings.DEFAULT);
        // Missing fields are refused the same way.
        mvc.perform(post("/settings/privacy").with(user(me)).with(csrf())).andExpect(status().isBadRequest());
        assertThat(profiles.privacyOf(me.id())).isEqualTo(PrivacySettings.DEFAULT);
    }

    @Test
    void theSettingsNeedALoginAndTheirFormNeedsItsToken() throws Exception {
        mvc.perform(get("/settings/privacy")).andExpect(redirectedUrl("/login"));
        CurrentMember me = newMember("csrf");
        mvc.perform(post("/settings/privacy").with(user(me)).param("connectionsList", "nobody").param("location", "nobody")
                .param("website", "nobody").param("email", "nobody")).andExpect(status().isForbidden());
        assertThat(profiles.privacyOf(me.id())).isEqualTo(PrivacySettings.DEFAULT);
    }

    @Test
    void thePrivacyPageIsPublicAndPlain() throws Exception {
        String html = page(get("/privacy"), null);
        assertThat(html).contains("data-privacy-page").contains("What we keep, and why").contains("Who sees it")
                .contains("For how long").contains("href=\"/settings/export\"").contains("href=\"/settings/delete-account\"");
    }
}
