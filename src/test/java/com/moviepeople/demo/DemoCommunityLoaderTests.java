package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.profiles.ProfileView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DemoCommunityLoaderTests extends IntegrationTest {

    @Autowired
    ProfileService profiles;

    @Autowired
    PortfolioService portfolio;

    @Test
    void loadsADozenFilledProfilesWithPlayableWorkIntoAnEmptyDatabaseOnly() throws Exception {
        cleanDatabase();
        DemoCommunityLoader loader = new DemoCommunityLoader(accounts, profiles, portfolio,
                new MockEnvironment().withProperty("moviepeople.demo-data", "true"));
        loader.run(null);
        loader.run(null);

        assertThat(accounts.count()).isEqualTo(DemoCommunityLoader.MEMBERS.size()).isGreaterThanOrEqualTo(12);
        List<ProfileView> all = DemoCommunityLoader.MEMBERS.stream()
                .map(m -> profiles.findByUsername(m.username()).orElseThrow()).toList();
        assertThat(all).extracting(ProfileView::username)
                .contains("agnieszka", "julien", "maya", "tomas", "ingrid", "kenji");
        assertThat(all).allSatisfy(p -> assertThat(p.isEmpty()).isFalse());
        assertThat(all).extracting(ProfileView::role).contains("Film Editor");
        assertThat(all).extracting(ProfileView::location).anyMatch(l -> l.contains("Berlin"));
        assertThat(all).extracting(ProfileView::location).doesNotContainNull();

        List<PortfolioItemView> items = all.stream().flatMap(p -> portfolio.itemsOf(p.memberId(), com.moviepeople.shared.KeysetCursor.START, 50).items().stream()).toList();
        assertThat(items).hasSizeGreaterThanOrEqualTo(10);
        assertThat(items).allSatisfy(i -> assertThat(i.media().isPlayer()).as(i.mediaUrl()).isTrue());
        assertThat(currentMember("agnieszka")).isNotNull();

        for (ProfileView p : all) {
            mvc.perform(get("/people/" + p.username())).andExpect(status().isOk());
        }
    }
}
