package com.moviepeople.demo;

import com.moviepeople.availability.Availability;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The demo community arrives with calendars: the coming weeks on profiles, and who is free next March. */
class DemoAvailabilityLoaderIntegrationTests extends DemoLoaderTest {

    @Autowired
    Availability availability;

    @Test
    void loadsCalendarsOnceAndNextMarchFindsSomeone() throws Exception {
        loadConnectedCommunity();
        DemoAvailabilityLoader loader = new DemoAvailabilityLoader(availability, members, demoOn);
        loader.run(null);
        long ranges = count("select count(*) from availability_range");
        assertThat(ranges).isBetween(DemoAvailabilityLoader.RANGES.size() - 2L, (long) DemoAvailabilityLoader.RANGES.size());
        assertThat(count("select count(*) from availability_setting")).isEqualTo(DemoAvailabilityLoader.VISIBILITY.size());
        loader.run(null);
        assertThat(count("select count(*) from availability_range")).isEqualTo(ranges);

        // Maya shows everyone; a member searching next March for a Director of Photography finds her.
        LocalDate march = DemoAvailabilityLoader.nextMarch(availability.today());
        String html = mvc.perform(get("/search").param("role", "Director of Photography")
                        .param("availableFrom", march.toString()).param("availableTo", march.plusDays(30).toString())
                        .with(user(currentMember("lucia"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-member=\"maya\" data-availability=\"available\"");
        // Her profile shows the coming weeks, never her notes.
        String profile = mvc.perform(get("/people/maya").with(user(currentMember("lucia")))).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("data-availability-strip").contains("data-availability=\"available\"")
                .doesNotContain("Harmattan II");
        // Julien shows nobody.
        assertThat(mvc.perform(get("/people/julien").with(user(currentMember("agnieszka")))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("data-availability-strip");
    }
}
