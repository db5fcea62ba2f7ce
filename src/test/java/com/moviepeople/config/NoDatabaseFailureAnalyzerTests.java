package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting with the embedded database off and no database configured ends in one clear message. */
@ExtendWith(OutputCaptureExtension.class)
class NoDatabaseFailureAnalyzerTests {

    @Test
    void startingWithoutAnyDatabaseSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MoviePeopleApplication.class).run("--server.port=0",
                "--moviepeople.embedded-database.enabled=false", "--moviepeople.demo-data=false", "--spring.main.banner-mode=off"))
                .isNotNull();
        assertThat(output).contains("No database is configured, and the embedded PostgreSQL is switched off")
                .contains("Set DATABASE_URL").doesNotContain("H2, HSQL or Derby");
    }
}
