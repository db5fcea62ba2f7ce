package com.moviepeople;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Whole app instances on the test PostgreSQL, as behind a load balancer (random port, no demo data, no scheduled jobs). */
public final class TestInstances {

    private TestInstances() {
    }

    public static ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--moviepeople.demo-data=false", "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=4", "--moviepeople.cleanup.cron=-",
                "--moviepeople.notifications.digest-cron=-", "--moviepeople.storage.local-dir=target/test-media"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(MoviePeopleApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
