package com.moviepeople.config;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The navigation's counts (unread messages, waiting requests, unconfirmed address) cost one statement per page. */
class NavigationBadgesIntegrationTests extends IntegrationTest {

    @Autowired
    Messaging messaging;

    @Autowired
    Connections connections;

    @Test
    void allBadgesComeFromOneStatementAndShowTheRightCounts() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        messaging.send(ben.id(), anna.id(), "Call time is 6am");
        messaging.send(ben.id(), anna.id(), "Bring the slate");
        connections.request(newMember("carol").id(), anna.id());
        jdbc.update("update member set email_verified_at = null where id = ?", anna.id());

        mvc.perform(get("/productions/new").with(user(anna))); // warm-up (a form page that reads nothing else)
        queries.reset();
        var result = mvc.perform(get("/productions/new").with(user(anna))).andReturn();
        assertThat(queries.count()).as("statements of a page that reads nothing else").isEqualTo(1);
        @SuppressWarnings("unchecked")
        var nav = (java.util.Map<String, Long>) result.getModelAndView().getModel().get("nav");
        assertThat(nav).containsEntry("unreadMessages", 2L).containsEntry("pendingRequests", 1L).containsEntry("unverifiedEmail", 1L);

        var forBen = mvc.perform(get("/productions/new").with(user(ben))).andReturn();
        @SuppressWarnings("unchecked")
        var benNav = (java.util.Map<String, Long>) forBen.getModelAndView().getModel().get("nav");
        assertThat(benNav).containsEntry("unreadMessages", 0L).containsEntry("pendingRequests", 0L).containsEntry("unverifiedEmail", 0L);
    }
}
