package com.moviepeople.profiles;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A public profile is revalidated by visitors' browsers (back/forward cache), never stored for members. */
class ProfileCachingIntegrationTests extends IntegrationTest {

    @Test
    void visitorsMayKeepAPublicProfileMembersMayNot() throws Exception {
        CurrentMember owner = newMember("cached");
        CurrentMember viewer = newMember("viewer");
        String visitor = mvc.perform(get("/people/" + owner.username())).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Cache-Control");
        assertThat(visitor).isEqualTo("no-cache");
        String member = mvc.perform(get("/people/" + owner.username()).with(user(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Cache-Control");
        assertThat(member).contains("no-store");
        String html = mvc.perform(get("/people/" + owner.username())).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<link rel=\"canonical\" href=\"http://localhost/people/" + owner.username() + "\">")
                .contains("<meta name=\"description\"");
    }
}
