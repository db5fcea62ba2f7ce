package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection pool is sized cores × 2 + 1 unless its key is set anywhere. */
class PoolSizeEnvironmentPostProcessorTests {

    private static StandardEnvironment processed(StandardEnvironment environment) {
        new PoolSizeEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void followsHikarisRuleForTheMachinesCores() {
        assertThat(PoolSizeEnvironmentPostProcessor.poolSizeFor(1)).isEqualTo(3);
        assertThat(PoolSizeEnvironmentPostProcessor.poolSizeFor(2)).isEqualTo(5);
        assertThat(PoolSizeEnvironmentPostProcessor.poolSizeFor(8)).isEqualTo(17);
        assertThat(PoolSizeEnvironmentPostProcessor.poolSizeFor(0)).isEqualTo(3);
        int expected = Runtime.getRuntime().availableProcessors() * 2 + 1;
        assertThat(processed(new StandardEnvironment()).getProperty(PoolSizeEnvironmentPostProcessor.KEY, Integer.class))
                .isEqualTo(expected);
    }

    @Test
    void springBootRunsIt() throws java.io.IOException {
        assertThat(org.springframework.core.io.support.PropertiesLoaderUtils.loadProperties(
                        new org.springframework.core.io.ClassPathResource("META-INF/spring.factories"))
                .getProperty(org.springframework.boot.EnvironmentPostProcessor.class.getName()))
                .contains(PoolSizeEnvironmentPostProcessor.class.getName());
    }

    @Test
    void aSettingAnywhereWins() {
        StandardEnvironment file = new StandardEnvironment();
        file.getPropertySources().addFirst(new MapPropertySource("file", Map.of(PoolSizeEnvironmentPostProcessor.KEY, "12")));
        assertThat(processed(file).getProperty(PoolSizeEnvironmentPostProcessor.KEY)).isEqualTo("12");

        StandardEnvironment variable = new StandardEnvironment();
        variable.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "7")));
        processed(variable);
        assertThat(org.springframework.boot.context.properties.bind.Binder.get(variable)
                .bind(PoolSizeEnvironmentPostProcessor.KEY, Integer.class).get()).isEqualTo(7);
        assertThat(variable.getPropertySources().contains("moviepeoplePoolSize")).isFalse();
    }
}
