package com.moviepeople;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Counts the SQL statements the current thread runs (MockMvc requests run on the test's
 * thread), so tests can assert that a page runs a constant number of queries — no N+1.
 * Spring Session's own bookkeeping (loading and saving the HTTP session) is not counted: it is
 * the same for every page and is not the page's work.
 */
public final class QueryCounter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    /** Statements that write (or lock rows for writing), from every thread, session store included. */
    private static final Queue<String> WRITES = new ConcurrentLinkedQueue<>();
    private static final Pattern WRITING = Pattern.compile("\\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|SYNCHRONOUS_COMMIT|PG_NOTIFY|NOTIFY)\\b");

    /** Reads of a stored HTTP session, from every thread. */
    private static final java.util.concurrent.atomic.AtomicLong SESSION_READS = new java.util.concurrent.atomic.AtomicLong();

    /** Forgets the writes (and session reads) recorded so far, from every thread. */
    public void clearWrites() {
        WRITES.clear();
        SESSION_READS.set(0);
    }

    /** Session reads on any thread since {@link #clearWrites()}. */
    public long sessionReads() {
        return SESSION_READS.get();
    }

    /** The writing statements run on any thread since {@link #clearWrites()}. */
    public List<String> writes() {
        return List.copyOf(WRITES);
    }

    public void reset() {
        COUNT.get()[0] = 0;
    }

    /** Statements run on this thread since the last {@link #reset()}. */
    public long count() {
        return COUNT.get()[0];
    }

    static final class Listener implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            for (QueryInfo query : queryInfoList) {
                String sql = query.getQuery().toUpperCase(Locale.ROOT);
                if (WRITING.matcher(sql).find()) {
                    WRITES.add(query.getQuery());
                } else if (sql.startsWith("SELECT") && sql.contains("FROM SPRING_SESSION ")) {
                    SESSION_READS.incrementAndGet();
                }
                // The session store's statements (its own table, and its asynchronous-commit setting).
                if (!sql.contains("SPRING_SESSION") && !sql.contains("SYNCHRONOUS_COMMIT")) {
                    COUNT.get()[0]++;
                }
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        QueryCounter queryCounter() {
            return new QueryCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Listener()).build();
                    }
                    return bean;
                }
            };
        }
    }
}
