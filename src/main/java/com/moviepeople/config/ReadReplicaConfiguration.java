package com.moviepeople.config;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The optional read replica ({@code moviepeople.datasource.replica.url}, or {@code DATABASE_REPLICA_URL}).
 * Without it none of this is created and the {@code dataSource} is the primary's pool as before.
 * With it the {@code dataSource} bean becomes a {@link LazyConnectionDataSourceProxy} over
 * {@link ReadReplica}, which picks the replica or the primary when the first statement runs.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

    static final String DEFAULT_PAGES = "/feed,/posts/*,/people/*,/search,/connections,/connections/pending,/messages";

    /** Always present (so the readiness group can name it): "not configured", or the replica's state. Never DOWN: the primary serves. */
    @Bean
    HealthIndicator replicaHealthIndicator(ObjectProvider<DataSource> dataSource) {
        return () -> {
            ReadReplica replica = replicaOf(dataSource.getIfAvailable());
            if (replica == null) {
                return Health.up().withDetail("configured", false).build();
            }
            ReadReplica.State state = replica.state();
            return Health.up().withDetail("configured", true).withDetail("state", state.name().toLowerCase())
                    .withDetail("reads", state == ReadReplica.State.UP ? "replica" : "primary")
                    .withDetail("lagMillis", replica.lagMillis()).withDetail("maxLagMillis", replica.maxLag().toMillis())
                    .withDetail("reason", replica.reason()).build();
        };
    }

    static ReadReplica replicaOf(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(ReadReplica.class) ? dataSource.unwrap(ReadReplica.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${moviepeople.datasource.replica.url:}' != ''")
    static class Routing {

        @Bean
        static DestructionAwareBeanPostProcessor readReplicaRouting(Environment environment) {
            return new ReplicaRouting(environment);
        }

        @Bean
        @ConditionalOnWebApplication
        FilterRegistrationBean<ReadReplicaFilter> readReplicaFilter(DataSource dataSource, Environment environment) {
            ReadReplica replica = replicaOf(dataSource);
            FilterRegistrationBean<ReadReplicaFilter> registration = new FilterRegistrationBean<>(new ReadReplicaFilter(replica,
                    Arrays.asList(environment.getProperty("moviepeople.datasource.replica.pages", DEFAULT_PAGES).split(","))));
            // After Spring Security and Spring Session: only the page's own reads may go to the replica.
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }

        /**
         * A page whose read failed on the replica is not turned into an error page (as
         * {@link DatabaseUnavailableAdvice} would): the failure goes up to {@link ReadReplicaFilter},
         * which serves the request again from the primary.
         */
        @Bean
        @ConditionalOnWebApplication
        HandlerExceptionResolver readReplicaFailures() {
            return new ReplicaFailureResolver();
        }
    }

    static final class ReplicaFailureResolver implements HandlerExceptionResolver, Ordered {
        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            ReadReplica.RequestState state = ReadReplica.current();
            if (state != null && state.usedReplica && ReadReplicaFilter.replicaFailure(ex)) {
                throw new ReplicaReadFailed(ex);
            }
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static final class ReplicaReadFailed extends RuntimeException {
        ReplicaReadFailed(Exception cause) {
            super(cause);
        }
    }

    /** Wraps the {@code dataSource} bean (the primary's Hikari pool) once it is built. */
    static final class ReplicaRouting implements DestructionAwareBeanPostProcessor {
        private final Environment environment;
        private ReadReplica replica;
        private HikariDataSource primary;

        ReplicaRouting(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (!"dataSource".equals(beanName) || !(bean instanceof HikariDataSource hikari) || replica != null) {
                return bean;
            }
            primary = hikari;
            replica = new ReadReplica(hikari, environment.getProperty("moviepeople.datasource.replica.url"),
                    environment.getProperty("moviepeople.datasource.replica.username"),
                    environment.getProperty("moviepeople.datasource.replica.password"),
                    DurationStyle.detectAndParse(environment.getProperty("moviepeople.datasource.replica.max-lag", "10s")),
                    DurationStyle.detectAndParse(environment.getProperty("moviepeople.datasource.replica.check-interval", "1s")));
            replica.start();
            LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(replica);
            replica.routedBy(routed);
            return routed;
        }

        @Override
        public void postProcessBeforeDestruction(Object bean, String beanName) throws BeansException {
            if (replica != null && "dataSource".equals(beanName)) {
                replica.close();
                // The wrapper has no close() of its own for Spring to call.
                primary.close();
            }
        }

        @Override
        public boolean requiresDestruction(Object bean) {
            return bean instanceof LazyConnectionDataSourceProxy;
        }
    }
}
