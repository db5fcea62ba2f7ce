package com.moviepeople.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** A generator run ({@code --moviepeople.generate.members=N}) needs no web server and no demo data. */
class GeneratorEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("moviepeople.generate.members")) {
            environment.getPropertySources().addFirst(new MapPropertySource("moviepeopleGenerator", Map.of(
                    "spring.main.web-application-type", "none",
                    "moviepeople.demo-data", "false")));
        }
    }
}
