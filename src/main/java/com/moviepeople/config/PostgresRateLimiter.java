package com.moviepeople.config;

import com.moviepeople.shared.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bucket4j token buckets stored in PostgreSQL (row locks), so limits hold across app instances. */
@Component
class PostgresRateLimiter implements RateLimiter {

    /** {@code moviepeople.rate-limits.*}: name → "count/period", e.g. {@code signup-per-address=10/1h}. */
    @Component
    @ConfigurationProperties("moviepeople")
    static class Limits {
        private Map<String, String> rateLimits = new HashMap<>();

        public Map<String, String> getRateLimits() {
            return rateLimits;
        }

        public void setRateLimits(Map<String, String> rateLimits) {
            this.rateLimits = rateLimits;
        }
    }

    private final ProxyManager<String> buckets;
    private final Limits limits;
    private final Map<String, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    PostgresRateLimiter(DataSource dataSource, Limits limits) {
        this.limits = limits;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
    }

    @Override
    public boolean tryConsume(String limit, String key) {
        return buckets.getProxy(id(limit, key), () -> configuration(limit)).tryConsume(1);
    }

    @Override
    public boolean isExhausted(String limit, String key) {
        return buckets.getProxy(id(limit, key), () -> configuration(limit)).getAvailableTokens() <= 0;
    }

    @Override
    public void reset(String limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    /** The bucket's key; NUL (which PostgreSQL text cannot hold) becomes U+FFFD, so no input makes it fail. */
    private static String id(String limit, String key) {
        String id = limit + ":" + (key == null ? "" : key.toLowerCase(java.util.Locale.ROOT).replace('\u0000', '\uFFFD'));
        return id.length() > 300 ? id.substring(0, 300) : id;
    }

    private BucketConfiguration configuration(String limit) {
        return configurations.computeIfAbsent(limit, name -> {
            String spec = limits.getRateLimits().get(name);
            if (spec == null) {
                throw new IllegalStateException("No rate limit configured as moviepeople.rate-limits." + name);
            }
            String[] parts = spec.split("/", 2);
            long capacity = Long.parseLong(parts[0].trim());
            Duration period = DurationStyle.detectAndParse(parts[1].trim());
            return BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        });
    }
}
