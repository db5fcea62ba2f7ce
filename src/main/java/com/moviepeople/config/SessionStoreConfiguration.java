package com.moviepeople.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that any instance serves any request. A page
 * view reads its session; it writes the session only when something in it changed, or at most once
 * a minute for its last-access time (see {@link #sessionTouchThrottle}). With synchronous commit
 * each such write waits for a WAL flush (an fsync). Session writes therefore commit asynchronously
 * ({@code SET LOCAL synchronous_commit = off}, for these transactions only): PostgreSQL still
 * writes them durably within a fraction of a second and never corrupts anything, and a crash in
 * that window at worst forgets a last-access time or a just-made login, so the member signs in
 * again. Members' own data (posts, messages, connections, accounts) keeps synchronous commit.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String SESSION_TRANSACTION = "moviepeople-session";

    /** Spring Session JDBC takes its transactions from the bean of this name. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager, DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Named so that the read replica's routing knows them (a session write is not the member's write).
        template.setName(SESSION_TRANSACTION);
        return new AsynchronousCommits(template, new JdbcTemplate(dataSource));
    }

    /**
     * PostgreSQL's statements for the session store, from Spring Session itself: an attribute is
     * written with {@code INSERT … ON CONFLICT DO UPDATE}. With the plain INSERT, simultaneous first
     * requests of a new session (a browser opening several tabs, htmx requests) each added the same
     * new attribute (the CSRF token) and all but one failed with a duplicate key: a 500 page.
     */
    @Bean
    org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** The signed-in member's security context deserialized once per instance, not per request ({@link SecurityContextMemo}). */
    @Bean
    org.springframework.session.config.SessionRepositoryCustomizer<JdbcIndexedSessionRepository> securityContextMemo() {
        return sessions -> sessions.setConversionService(SecurityContextMemo.conversionService(SessionStoreConfiguration.class.getClassLoader()));
    }

    /**
     * Reading a page does not write the session: its last-access time moves on at most once per
     * {@code moviepeople.sessions.touch-interval} (default one minute), and an unchanged session
     * is not saved ({@link TouchThrottlingSessionRepository}).
     */
    @Bean
    static BeanPostProcessor sessionTouchThrottle(Environment environment) {
        Duration interval = DurationStyle.detectAndParse(
                environment.getProperty("moviepeople.sessions.touch-interval", "1m"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new TouchThrottlingSessionRepository(sessions, interval) : bean;
            }
        };
    }

    /**
     * Just outside Spring Session's filter: the session a request reads is read from the database
     * once (the filter asks for it again when it commits the session).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOnce(org.springframework.session.SessionRepository<?> sessions) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, java.io.IOException {
                if (sessions instanceof TouchThrottlingSessionRepository throttled) {
                    throttled.readOncePerRequest(chain, request, response);
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /**
     * Just inside Spring Session's filter: health probes and static files see no session at all,
     * so nothing on their way (Spring MVC looks for flash attributes in the session on every
     * request) reads one from the database, whatever cookie the request carries.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    FilterRegistrationBean<OncePerRequestFilter> sessionFreePublicResources() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, java.io.IOException {
                chain.doFilter(SecurityConfiguration.PUBLIC_RESOURCES.matches(request) ? new SessionFree(request) : request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    /** A request that has no session and cannot get one. */
    static final class SessionFree extends jakarta.servlet.http.HttpServletRequestWrapper {

        SessionFree(jakarta.servlet.http.HttpServletRequest request) {
            super(request);
        }

        @Override
        public jakarta.servlet.http.HttpSession getSession(boolean create) {
            if (create) {
                throw new IllegalStateException("No session for " + getRequestURI());
            }
            return null;
        }

        @Override
        public jakarta.servlet.http.HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        @Override
        public String getRequestedSessionId() {
            return null;
        }
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

    /**
     * Each session transaction starts with {@code SET LOCAL synchronous_commit = off}; a read of the
     * session ({@link #reading}) runs as one statement without a transaction around it.
     */
    record AsynchronousCommits(TransactionTemplate template, JdbcTemplate jdbc) implements TransactionOperations {

        private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

        /** Runs a read of the session store: no transaction, no {@code SET LOCAL}, one round trip less. */
        static <T> T reading(java.util.function.Supplier<T> read) {
            READING.set(Boolean.TRUE);
            try {
                return read.get();
            } finally {
                READING.remove();
            }
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            if (READING.get() != null) {
                return TransactionOperations.withoutTransaction().execute(action);
            }
            return template.execute(status -> {
                jdbc.execute("set local synchronous_commit = off");
                return action.doInTransaction(status);
            });
        }
    }
}
