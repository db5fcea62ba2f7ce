package com.moviepeople.profiles;

import com.moviepeople.IntegrationTest;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProfileIntegrationTests extends IntegrationTest {

    @Autowired
    ProfileService profiles;

    @Autowired
    PortfolioService portfolio;

    private static MockHttpServletRequestBuilder edit(String displayName, String headline, String role, String location,
                                                      String bio, String website) {
        return post("/profile/edit").with(csrf()).param("displayName", displayName).param("headline", headline)
                .param("role", role).param("location", location).param("bio", bio).param("website", website);
    }

    private static ProfileForm form(String displayName, String headline, String role, String location, String bio, String website) {
        return new ProfileForm(displayName, headline, role, location, bio, website);
    }

    private Map<String, Object> stored(CurrentMember me) {
        return jdbc.queryForMap("""
                select m.display_name, p.headline, p.role, p.location, p.bio, p.website
                from member m left join profile p on p.member_id = m.id where m.id = ?""", me.id());
    }

    @Test
    void showsTheEditFormWithOnboardingHintsAndTheRoleList() throws Exception {
        CurrentMember me = newMember("editform");
        mvc.perform(get("/profile/edit").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Editform Tester\"")))
                .andExpect(content().string(containsString("What makes a good profile")))
                .andExpect(content().string(containsString("<datalist id=\"film-roles\">")))
                .andExpect(content().string(containsString("value=\"Film Editor\" label=\"Film Editor · Editorial\"")))
                .andExpect(content().string(containsString("Lighting &amp; Grip")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        for (String field : new String[]{"displayName", "headline", "role", "location", "bio", "website"}) {
            mvc.perform(get("/profile/edit").with(user(me))).andExpect(content().string(containsString("name=\"" + field + "\"")));
        }
    }

    @Test
    void savesEveryFieldAndShowsThePublicProfile() throws Exception {
        CurrentMember me = newMember("save");
        mvc.perform(edit("  Ada Film  ", " Editor of documentaries ", "Film Editor", "Berlin, Germany",
                        "Cut three features.\r\nLoves sound.", "https://ada.example/reel").with(user(me)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + me.username()))
                .andExpect(flash().attributeExists("success"));
        assertThat(stored(me)).containsEntry("display_name", "Ada Film").containsEntry("headline", "Editor of documentaries")
                .containsEntry("role", "Film Editor").containsEntry("location", "Berlin, Germany")
                .containsEntry("bio", "Cut three features.\nLoves sound.").containsEntry("website", "https://ada.example/reel");
        mvc.perform(get("/profile/edit").with(user(me)))
                .andExpect(content().string(containsString("value=\"Editor of documentaries\"")));
    }

    @Test
    void clearingFieldsStoresNothingRatherThanBlanks() throws Exception {
        CurrentMember me = newMember("clear");
        profiles.save(me.id(), form("Clear Me", "Headline", "Gaffer", "Lyon", "Bio", "https://example.com"));
        mvc.perform(edit("Clear Me", " ", "", "", "   ", "").with(user(me))).andExpect(status().isFound());
        assertThat(stored(me)).containsEntry("headline", null).containsEntry("role", null).containsEntry("location", null)
                .containsEntry("bio", null).containsEntry("website", null);
    }

    @Test
    void freeTextRolesAreAllowed() throws Exception {
        CurrentMember me = newMember("freerole");
        mvc.perform(edit("Free Role", "", "Puppeteer", "", "", "").with(user(me))).andExpect(status().isFound());
        assertThat(stored(me)).containsEntry("role", "Puppeteer");
    }

    @Test
    void rejectsEachOverlongFieldWithAMessageKeepingTheRestAndWritingNothing() throws Exception {
        CurrentMember me = newMember("long");
        profiles.save(me.id(), form("Long Tester", "Original headline", "Gaffer", "Lyon", "Original bio", "https://original.example"));
        Map<String, Object> before = stored(me);
        String[][] cases = {
                {"displayName", "N".repeat(81), "at most 80"},
                {"headline", "H".repeat(121), "at most 120"},
                {"role", "R".repeat(61), "at most 60"},
                {"location", "L".repeat(81), "at most 80"},
                {"bio", "B".repeat(2001), "at most 2000"},
                {"website", "https://example.com/" + "w".repeat(290), "at most 300"}};
        for (String[] c : cases) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("displayName", "Changed Name", "headline", "Changed headline",
                    "role", "Changed role", "location", "Changed location", "bio", "Changed bio", "website", "https://changed.example"));
            values.put(c[0], c[1]);
            mvc.perform(edit(values.get("displayName"), values.get("headline"), values.get("role"), values.get("location"),
                            values.get("bio"), values.get("website")).with(user(me)))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", c[0]))
                    .andExpect(model().errorCount(1))
                    .andExpect(content().string(containsString(c[2])))
                    .andExpect(content().string(containsString("is-invalid")))
                    .andExpect(content().string(containsString(c[0].equals("headline") ? "Changed role" : "Changed headline")));
            assertThat(stored(me)).as(c[0]).isEqualTo(before);
        }
    }

    @Test
    void dropsControlCharactersInsteadOfFailing() throws Exception {
        CurrentMember me = newMember("nul");
        mvc.perform(edit("Nul\u0000 Name", "Head\u0000line\nsplit", "Gaf\u0007fer", "Ber\tlin", "Line one\u0000\r\nLine\ttwo", "")
                        .with(user(me)))
                .andExpect(status().isFound());
        assertThat(stored(me)).containsEntry("display_name", "Nul Name").containsEntry("headline", "Head line split")
                .containsEntry("role", "Gaf fer").containsEntry("location", "Ber lin").containsEntry("bio", "Line one\nLine\ttwo");
    }

    @Test
    void requiresADisplayName() throws Exception {
        CurrentMember me = newMember("noname");
        mvc.perform(edit("   ", "Kept headline", "", "", "", "").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "displayName"))
                .andExpect(content().string(containsString("Tell people your name")))
                .andExpect(content().string(containsString("value=\"Kept headline\"")));
        assertThat(stored(me)).containsEntry("display_name", "Noname Tester").containsEntry("headline", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "ftp://example.com", "example.com", "www.example.com",
            "https://", "https://exa mple.com", "https://example.com/\"><script>", "//example.com", "mailto:a@example.com"})
    void acceptsOnlyHttpAndHttpsWebsites(String website) throws Exception {
        CurrentMember me = newMember("web");
        mvc.perform(edit("Web Tester", "Kept", "", "", "", website).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "website"))
                .andExpect(content().string(containsString("starting with https://")));
        assertThat(stored(me)).containsEntry("headline", null);
    }

    @Test
    void theDatabaseRefusesWhatTheFormWould() {
        CurrentMember me = newMember("dbcheck");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into profile(member_id, website) values (?, 'javascript:alert(1)')", me.id()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into profile(member_id, headline) values (?, ?)", me.id(), "h".repeat(121)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void editingNeedsLoginAndCsrf() throws Exception {
        CurrentMember me = newMember("guard");
        mvc.perform(get("/profile/edit")).andExpect(redirectedUrl("/login"));
        mvc.perform(edit("Anon", "", "", "", "", "")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/profile/edit").param("displayName", "No Token").with(user(me))).andExpect(status().isForbidden());
        assertThat(stored(me)).containsEntry("display_name", "Guard Tester");
    }

    @Test
    void anonymousVisitorsSeeTheProfileWithALoginPrompt() throws Exception {
        CurrentMember me = newMember("public");
        profiles.save(me.id(), form("Maya Public", "Cinematographer for features", "Director of Photography", "Lagos, Nigeria",
                "Shot two features.", "https://maya.example"));
        portfolio.add(me.id(), new PortfolioItemForm("Sintel", "Lit the cave.", "https://youtu.be/eRsGyueVLvQ", 2010, "Gaffer"));
        mvc.perform(get("/people/" + me.username()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Maya Public")))
                .andExpect(content().string(containsString("Cinematographer for features")))
                .andExpect(content().string(containsString("Director of Photography")))
                .andExpect(content().string(containsString("Lagos, Nigeria")))
                .andExpect(content().string(containsString("Shot two features.")))
                .andExpect(content().string(containsString("href=\"https://maya.example\"")))
                .andExpect(content().string(containsString("https://www.youtube-nocookie.com/embed/eRsGyueVLvQ")))
                .andExpect(content().string(containsString("2010 · Gaffer")))
                .andExpect(content().string(containsString("data-prompt=\"login-to-connect\"")))
                .andExpect(content().string(containsString("Log in to connect")))
                .andExpect(content().string(not(containsString("href=\"/profile/edit\""))))
                .andExpect(content().string(not(containsString("/edit\" data-action=\"edit-portfolio-item\""))));
    }

    @Test
    void membersSeeOtherProfilesWithoutEditLinks() throws Exception {
        CurrentMember owner = newMember("seen");
        CurrentMember visitor = newMember("visitor");
        long id = portfolio.add(owner.id(), new PortfolioItemForm("Work", "", "", null, "")).id();
        mvc.perform(get("/people/" + owner.username()).with(user(visitor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Seen Tester")))
                .andExpect(content().string(not(containsString("data-prompt=\"login-to-connect\""))))
                .andExpect(content().string(not(containsString("data-action=\"edit-profile\""))))
                .andExpect(content().string(not(containsString("/portfolio/" + id + "/edit"))))
                .andExpect(content().string(not(containsString("/portfolio/" + id + "/delete"))));
    }

    @Test
    void ownersSeeEditLinksAndAnInvitingEmptyState() throws Exception {
        CurrentMember me = newMember("mine");
        mvc.perform(get("/people/" + me.username()).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-action=\"edit-profile\"")))
                .andExpect(content().string(containsString("data-empty-portfolio=\"own\"")))
                .andExpect(content().string(containsString("Add your first piece of work")));
        long id = portfolio.add(me.id(), new PortfolioItemForm("Work", "", "", null, "")).id();
        mvc.perform(get("/people/" + me.username()).with(user(me)))
                .andExpect(content().string(not(containsString("data-empty-portfolio"))))
                .andExpect(content().string(containsString("href=\"/portfolio/" + id + "/edit\"")))
                .andExpect(content().string(containsString("action=\"/portfolio/" + id + "/delete\"")));
        CurrentMember other = newMember("empty");
        mvc.perform(get("/people/" + other.username()).with(user(me)))
                .andExpect(content().string(containsString("data-empty-portfolio=\"other\"")))
                .andExpect(content().string(not(containsString("Add your first piece of work"))));
    }

    @Test
    void usernamesAreCaseInsensitive() throws Exception {
        CurrentMember me = newMember("casey");
        mvc.perform(get("/people/" + me.username().toUpperCase())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Casey Tester")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody-here-at-all", "x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "admin"})
    void unknownUsersAreNotFound(String username) throws Exception {
        mvc.perform(get("/people/" + username)).andExpect(status().isNotFound());
    }

    @Test
    void putsNameRoleAndHeadlineInTheTitleAndOpenGraphTags() throws Exception {
        CurrentMember me = newMember("og");
        profiles.save(me.id(), form("Ingrid Og", "Cuts Nordic thrillers", "Film Editor", "Oslo, Norway", "", ""));
        portfolio.add(me.id(), new PortfolioItemForm("Reel", "", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", null, ""));
        mvc.perform(get("/people/" + me.username()))
                .andExpect(content().string(containsString("<title>Ingrid Og — Film Editor · Cuts Nordic thrillers | MoviePeople</title>")))
                .andExpect(content().string(containsString("<meta property=\"og:title\" content=\"Ingrid Og — Film Editor · Cuts Nordic thrillers\">")))
                .andExpect(content().string(containsString("<meta property=\"og:type\" content=\"profile\">")))
                .andExpect(content().string(containsString("<meta property=\"og:description\" content=\"Cuts Nordic thrillers, based in Oslo, Norway\">")))
                .andExpect(content().string(containsString("<meta property=\"og:url\" content=\"http://localhost/people/" + me.username() + "\">")))
                .andExpect(content().string(containsString("<meta property=\"og:image\" content=\"https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg\">")));
    }

    @Test
    void escapesEveryTextFieldOnThePage() throws Exception {
        CurrentMember me = newMember("xss");
        String evil = "<script>alert(1)</script>";
        profiles.save(me.id(), form(evil + "name", evil + "headline", evil + "role", evil + "location", evil + "bio",
                "https://example.com/?q=%3Cscript%3E"));
        portfolio.add(me.id(), new PortfolioItemForm(evil + "title", evil + "description",
                "https://www.youtube.com/watch?v=aqz-KE-bpKQ", 2020, evil + "credit"));
        portfolio.add(me.id(), new PortfolioItemForm(evil + "linktitle", "", "https://example.com/a?x=<b>".replace("<b>", "%3Cb%3E"), null, ""));
        for (var request : new MockHttpServletRequestBuilder[]{get("/people/" + me.username()),
                get("/people/" + me.username()).with(user(me)), get("/profile/edit").with(user(me))}) {
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;name");
        }
        String page = mvc.perform(get("/people/" + me.username())).andReturn().getResponse().getContentAsString();
        for (String field : new String[]{"name", "headline", "role", "location", "bio", "title", "description", "credit", "linktitle"}) {
            assertThat(page).as(field).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + field);
        }
        assertThat(page).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;name");
        // In an attribute only "<", "&" and the quote need escaping; the compiled page leaves ">" as it is.
        assertThat(page).containsPattern("content=\"&lt;script(&gt;|>)alert\\(1\\)&lt;/script(&gt;|>)name");
    }
}
