package com.moviepeople.shared;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

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

    private final JdbcTemplate jdbc;

    CustomPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code sql} (named parameters, as with {@code JdbcClient}), planned for {@code params}. */
    public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> rowMapper) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        String jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(jdbcSql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
            return statement;
        }, rowMapper);
    }
}
