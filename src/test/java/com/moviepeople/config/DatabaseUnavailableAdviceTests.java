package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which data access failures mean "the database is away" (503) rather than a bug (500). */
class DatabaseUnavailableAdviceTests {

    @Test
    void aConnectionEndedByTheServerMidStatementIsTheDatabaseBeingAway() {
        var terminated = new JpaSystemException(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(terminated)).isTrue();
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    }

    @Test
    void otherSqlErrorsAreNot() {
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new JpaSystemException(new RuntimeException(new SQLException("syntax", "42601"))))).isFalse();
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new RuntimeException("no SQL at all"))).isFalse();
    }
}
