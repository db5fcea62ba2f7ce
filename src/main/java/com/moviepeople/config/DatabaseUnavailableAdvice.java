package com.moviepeople.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.sql.SQLException;

/**
 * While PostgreSQL is unreachable, pages answer with a friendly 503 ("back in a moment") instead
 * of a 500; the connection pool reconnects by itself when the database is back.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return "error/503";
    }

    /**
     * A pooled connection that the database ends in the middle of a statement ("terminating
     * connection due to administrator command", SQLState 57P01) reaches us as a generic JDBC
     * error (Hibernate's {@code JpaSystemException}, a failed rollback): still the database being
     * away, so 503. Any other data access failure stays a 500, as before.
     */
    @ExceptionHandler({DataAccessException.class, TransactionSystemException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String connectionLost(Exception e) throws Exception {
        if (!isConnectionFailure(e)) {
            throw e;
        }
        return databaseUnavailable(e);
    }

    /** SQLState class 08 (connection exception) or 57P0x (the server shutting down or starting). */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // The rollback after such a failure reaches HikariCP's stand-in for the connection it has
            // already closed, whose exception (no SQLState) then replaces the original one.
            if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
