package com.moviepeople.demo;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** The one rule every demo loader follows. */
final class DemoData {

    private DemoData() {
    }

    /**
     * {@code moviepeople.demo-data} when set; otherwise on for the embedded database (no
     * {@code spring.datasource.url}) and off for an external one.
     */
    static boolean enabled(Environment environment) {
        Boolean configured = environment.getProperty("moviepeople.demo-data", Boolean.class);
        return configured != null ? configured : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
