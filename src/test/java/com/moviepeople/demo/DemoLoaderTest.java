package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.connections.Connections;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** Base for the demo loaders' tests: an empty database, the switch turned on, and the community to build on. */
abstract class DemoLoaderTest extends IntegrationTest {

    @Autowired
    protected Connections connections;

    @Autowired
    protected MemberDirectory members;

    @Autowired
    protected com.moviepeople.profiles.ProfileService profiles;

    @Autowired
    protected com.moviepeople.portfolio.PortfolioService portfolio;

    protected final MockEnvironment demoOn = new MockEnvironment().withProperty("moviepeople.demo-data", "true");

    @BeforeEach
    void emptyDatabase() {
        cleanDatabase();
    }

    protected long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    protected long id(String username) {
        return members.findByUsername(username).orElseThrow().id();
    }

    /** The demo members with their profiles and work. */
    protected void loadCommunity() {
        new DemoCommunityLoader(accounts, profiles, portfolio, demoOn).run(null);
    }

    /** The demo members, connected as the demo connects them. */
    protected void loadConnectedCommunity() {
        loadCommunity();
        new DemoConnectionsLoader(connections, members, demoOn).run(null);
    }
}
