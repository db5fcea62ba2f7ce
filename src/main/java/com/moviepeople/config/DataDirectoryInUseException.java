package com.moviepeople.config;

import java.nio.file.Path;

/** Another MoviePeople already runs its embedded PostgreSQL on this data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir) {
        super("MoviePeople is already running on " + dataDir);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
