package com.moviepeople.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The embedded PostgreSQL runs exactly when no external database is configured. */
class EmbeddedDatabaseCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            return ConditionOutcome.noMatch("spring.datasource.url is set: using the external PostgreSQL");
        }
        if (!context.getEnvironment().getProperty("moviepeople.embedded-database.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("embedded PostgreSQL disabled (production profile): set DATABASE_URL or SPRING_DATASOURCE_URL");
        }
        return ConditionOutcome.match("no database configured: starting the embedded PostgreSQL");
    }
}
