package com.moviepeople;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Counts the SQL statements the current thread runs (MockMvc requests run on the test's
 * thread), so tests can assert that a page runs a constant number of queries — no N+1.
 */
public final class QueryCounter {

    public void reset() {
        QueryCountHolder.clear();
    }

    /** Statements run on this thread since the last {@link #reset()}. */
    public long count() {
        QueryCount count = QueryCountHolder.getGrandTotal();
        return count.getTotal();
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
                    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("counted").countQuery().build();
                    }
                    return bean;
                }
            };
        }
    }
}
