package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole application on its own embedded database, as {@code ./mvnw spring-boot:run} starts it. */
class EmbeddedApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MoviePeopleApplication.class)
                .run("--server.port=0", "--moviepeople.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    @Test
    void startsOnItsOwnDatabaseWithTheDemoCommunityAndKeepsDataAcrossRestarts() {
        long demoMembers;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(EmbeddedPostgresLauncher.class).dataDir()).isEqualTo(dataDir.toAbsolutePath());
            demoMembers = app.getBean(MemberDirectory.class).count();
            assertThat(demoMembers).as("demo community loaded into the empty database").isGreaterThanOrEqualTo(5);
            app.getBean(AccountService.class).registerVerified("restart-check", "restart@example.com",
                    "a sensible passphrase", "Restart Check");
        }
        try (ConfigurableApplicationContext app = start()) {
            MemberDirectory members = app.getBean(MemberDirectory.class);
            assertThat(members.findByUsername("restart-check")).isPresent();
            assertThat(members.count()).as("demo data is loaded only into an empty database").isEqualTo(demoMembers + 1);
        }
    }

    @Test
    void aSecondAppOnTheSameDataDirectoryIsRefused() {
        try (ConfigurableApplicationContext first = start()) {
            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageStartingWith("MoviePeople is already running on");
            assertThat(first.getBean(MemberDirectory.class).count()).isPositive();
        }
    }

    @Test
    void theFailureIsReportedAsOneClearMessage() {
        var analysis = new DataDirectoryInUseFailureAnalyzer().analyze(new RuntimeException(new DataDirectoryInUseException(dataDir)));
        assertThat(analysis.getDescription()).isEqualTo("MoviePeople is already running on " + dataDir);
        assertThat(analysis.getAction()).contains("moviepeople.data-dir");
    }
}
