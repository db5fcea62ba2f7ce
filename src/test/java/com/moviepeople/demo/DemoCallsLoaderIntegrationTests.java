package com.moviepeople.demo;

import com.moviepeople.calls.Calls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The demo community has crew calls: paid and plainly unpaid, with applications, once. */
class DemoCallsLoaderIntegrationTests extends DemoLoaderTest {

    @Autowired
    Calls calls;

    @Test
    void loadsCallsOnceWithApplicationsAndAShortlist() throws Exception {
        loadConnectedCommunity();
        DemoCallsLoader loader = new DemoCallsLoader(calls, members, demoOn, Clock.systemUTC());
        loader.run(null);
        assertThat(count("select count(*) from crew_call")).isEqualTo(3);
        assertThat(count("select count(*) from crew_call where unpaid")).isOne();
        assertThat(count("select count(*) from call_application")).isEqualTo(2);
        assertThat(count("select count(*) from call_application where status = 'SHORTLISTED'")).isOne();
        loader.run(null);
        assertThat(count("select count(*) from crew_call")).isEqualTo(3);

        String list = mvc.perform(get("/calls").with(user(currentMember("lucia")))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Gaffer for a 3-day music video").contains("€380 / day").contains("data-pay=\"unpaid\"");
        String review = mvc.perform(get("/calls/" + jdbc.queryForObject("select id from crew_call where role = 'Gaffer'", Long.class)
                + "/applicants").with(user(currentMember("maya")))).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Oliver Brandt").contains("Tomás Herrera").contains("data-status=\"SHORTLISTED\"");
    }
}
