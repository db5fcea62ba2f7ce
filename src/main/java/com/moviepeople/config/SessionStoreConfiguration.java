package com.moviepeople.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that any instance serves any request. Every
 * request reads its session and writes its last-access time back; with synchronous commit that
 * write waits for a WAL flush (an fsync) on every page view, which showed as the most frequent wait
 * of the benchmark's pages (docs/benchmarks.md). Session writes therefore commit asynchronously
 * ({@code SET LOCAL synchronous_commit = off}, for these transactions only): PostgreSQL still
 * writes them durably within a fraction of a second and never corrupts anything, and a crash in
 * that window at worst forgets a last-access time or a just-made login, so the member signs in
 * again. Members' own data (posts, messages, connections, accounts) keeps synchronous commit.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** Spring Session JDBC takes its transactions from the bean of this name. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager, DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new AsynchronousCommits(template, new JdbcTemplate(dataSource));
    }

    /**
     * The application's own transaction template, as Spring Boot would make it (Boot backs off when
     * any TransactionOperations bean exists, such as the session store's above): synchronous commit.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Each session transaction starts with {@code SET LOCAL synchronous_commit = off}. */
    record AsynchronousCommits(TransactionTemplate template, JdbcTemplate jdbc) implements TransactionOperations {

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return template.execute(status -> {
                jdbc.execute("set local synchronous_commit = off");
                return action.doInTransaction(status);
            });
        }
    }
}
