package com.moviepeople.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.moviepeople.shared.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j token buckets. Limits named under {@code moviepeople.rate-limits.*} (hours and days:
 * sign-ups, mails, daily messages) are stored in PostgreSQL (row locks), so they hold across app
 * instances. Limits named under {@code moviepeople.burst-limits.*} (a minute or so: messages,
 * posts, searches in quick succession) live in this instance's memory: they cost no database
 * round trip, and a search (a page view) writes nothing. With N instances behind a load balancer a
 * burst limit allows at most N times its count; the daily limits stay exact.
 */
@Component
class PostgresRateLimiter implements RateLimiter {

    /** Burst limits refill within this; an in-memory bucket idle for longer is forgotten. */
    static final Duration LONGEST_BURST_PERIOD = Duration.ofMinutes(10);

    /** {@code moviepeople.rate-limits.*} and {@code moviepeople.burst-limits.*}: name → "count/period", e.g. {@code 10/1h}. */
    @Component
    @ConfigurationProperties("moviepeople")
    static class Limits {
        private Map<String, String> rateLimits = new HashMap<>();
        private Map<String, String> burstLimits = new HashMap<>();

        public Map<String, String> getRateLimits() {
            return rateLimits;
        }

        public void setRateLimits(Map<String, String> rateLimits) {
            this.rateLimits = rateLimits;
        }

        public Map<String, String> getBurstLimits() {
            return burstLimits;
        }

        public void setBurstLimits(Map<String, String> burstLimits) {
            this.burstLimits = burstLimits;
        }
    }

    private final ProxyManager<String> buckets;
    private final Limits limits;
    private final Map<String, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final Cache<String, Bucket> localBuckets = Caffeine.newBuilder()
            .expireAfterAccess(LONGEST_BURST_PERIOD).maximumSize(200_000).build();

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
        if (isBurst(limit)) {
            return local(limit, key).tryConsume(1);
        }
        checkNoTransaction(limit);
        return buckets.getProxy(id(limit, key), () -> configuration(limit)).tryConsume(1);
    }

    @Override
    public boolean isExhausted(String limit, String key) {
        if (isBurst(limit)) {
            return local(limit, key).getAvailableTokens() <= 0;
        }
        checkNoTransaction(limit);
        return buckets.getProxy(id(limit, key), () -> configuration(limit)).getAvailableTokens() <= 0;
    }

    @Override
    public void reset(String limit, String key) {
        if (isBurst(limit)) {
            localBuckets.invalidate(id(limit, key));
        } else {
            buckets.removeProxy(id(limit, key));
        }
    }

    private boolean isBurst(String limit) {
        return limits.getBurstLimits().containsKey(limit);
    }

    private Bucket local(String limit, String key) {
        return localBuckets.get(id(limit, key), id -> Bucket.builder()
                .addLimit(configuration(limit).getBandwidths()[0]).build());
    }

    /**
     * A stored bucket takes a pooled connection of its own: inside a transaction a request would
     * hold two, and a burst of them could empty the pool. Limits are taken before the work starts.
     */
    private static void checkNoTransaction(String limit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Rate limit " + limit + " taken inside a transaction; take it before the transaction starts");
        }
    }

    /** The bucket's key; NUL (which PostgreSQL text cannot hold) becomes U+FFFD, so no input makes it fail. */
    private static String id(String limit, String key) {
        String id = limit + ":" + (key == null ? "" : key.toLowerCase(java.util.Locale.ROOT).replace('\u0000', '\uFFFD'));
        return com.moviepeople.shared.TextFormat.prefix(id, 300);
    }

    private BucketConfiguration configuration(String limit) {
        return configurations.computeIfAbsent(limit, name -> {
            boolean burst = limits.getBurstLimits().containsKey(name);
            String spec = burst ? limits.getBurstLimits().get(name) : limits.getRateLimits().get(name);
            if (spec == null) {
                throw new IllegalStateException("No rate limit configured as moviepeople.rate-limits." + name);
            }
            String[] parts = spec.split("/", 2);
            long capacity = Long.parseLong(parts[0].trim());
            Duration period = DurationStyle.detectAndParse(parts[1].trim());
            if (burst && period.compareTo(LONGEST_BURST_PERIOD) > 0) {
                throw new IllegalStateException("moviepeople.burst-limits." + name + " may span at most "
                        + LONGEST_BURST_PERIOD.toMinutes() + " minutes; use moviepeople.rate-limits for longer periods");
            }
            // A burst limit is "n per period" as members read it: the whole allowance comes back
            // when the period is over. Longer limits refill gradually.
            return BucketConfiguration.builder()
                    .addLimit(l -> burst ? l.capacity(capacity).refillIntervally(capacity, period)
                            : l.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        });
    }
}
