package com.moviepeople;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the modules honest: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MoviePeopleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
