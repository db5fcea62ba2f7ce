package com.moviepeople.shared;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement run through {@link CustomPlans} is never prepared on the server, however often it runs
 * (so PostgreSQL plans it for its values each time), where the same statement run through
 * {@code JdbcClient} is prepared from the driver's fifth run. Both on one connection (the test's
 * transaction), where the server's list of prepared statements is visible.
 */
class CustomPlansIntegrationTests extends IntegrationTest {

    @Autowired
    CustomPlans customPlans;

    @Autowired
    JdbcClient jdbcClient;

    private long preparedOnTheServer(String marker) {
        return jdbcClient.sql("select count(*) from pg_prepared_statements where statement like '%' || :marker || '%' and statement not like '%pg_prepared_statements%'")
                .param("marker", marker).query(Long.class).single();
    }

    @Test
    @Transactional
    void aCustomPlanStatementIsNeverPreparedOnTheServer() {
        String custom = "select :n + 1 as custom_plans_marker_a";
        for (int i = 0; i < 10; i++) {
            assertThat(customPlans.query(custom, Map.of("n", i), (rs, row) -> rs.getInt(1))).containsExactly(i + 1);
        }
        assertThat(preparedOnTheServer("custom_plans_marker_a")).isZero();

        String ordinary = "select :n + 1 as custom_plans_marker_b";
        for (int i = 0; i < 10; i++) {
            assertThat(jdbcClient.sql(ordinary).param("n", i).query(Integer.class).single()).isEqualTo(i + 1);
        }
        assertThat(preparedOnTheServer("custom_plans_marker_b")).isEqualTo(1);
    }
}
