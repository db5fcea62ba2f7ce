package com.moviepeople.shared;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Queries that PostgreSQL plans for their very parameter values on every run. The JDBC driver
 * prepares a statement on the server from its fifth run, and PostgreSQL may then keep one generic
 * plan for all values; for a statement whose best plan depends on the values (the feed of a member
 * with thousands of connections) that plan can be far slower. Sent as the driver's unnamed
 * statement instead ({@code prepareThreshold} 0 for this statement only), the query is parsed and
 * planned with its values each time, and needs no {@code plan_cache_mode} setting: no statement
 * and no round trip of its own (docs/benchmarks.md, eighteenth session).
 */
@Component
public class CustomPlans {

    /**
     * Spring's named-parameter template (its parsed-statement cache, its parameter handling), with each
     * statement it creates marked for the unnamed statement before it runs.
     */
    private final NamedParameterJdbcTemplate named;

    CustomPlans(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc) {
            @Override
            protected PreparedStatementCreator getPreparedStatementCreator(String sql, SqlParameterSource params,
                                                                           Consumer<PreparedStatementCreatorFactory> customizer) {
                PreparedStatementCreator creator = super.getPreparedStatementCreator(sql, params, customizer);
                return connection -> {
                    PreparedStatement statement = creator.createPreparedStatement(connection);
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    return statement;
                };
            }
        };
    }

    /** The rows of {@code sql} (named parameters, as with {@code JdbcClient}), planned for {@code params}. */
    public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> rowMapper) {
        return named.query(sql, params, rowMapper);
    }
}
