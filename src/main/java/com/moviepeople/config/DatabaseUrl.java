package com.moviepeople.config;

import org.springframework.web.util.UriUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** A Heroku-style {@code postgres://user:pass@host:port/db?sslmode=require} turned into JDBC settings. */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static DatabaseUrl parse(String value) {
        return parse(value, "DATABASE_URL");
    }

    /** {@code name}: the variable it came from, for the messages. */
    static DatabaseUrl parse(String value, String name) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL (expected postgres://user:password@host:port/database)");
        }
        String scheme = uri.getScheme();
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new IllegalArgumentException(name + " must start with postgres:// or postgresql://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(name + " has no host");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        jdbc.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            // sslmode and friends are understood by the PostgreSQL JDBC driver as they are.
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    /**
     * Percent-decoding as URLs have it (RFC 3986): {@code %40} is "@", {@code %2B} and a plain
     * "+" are both "+". Not form decoding ({@code URLDecoder}), which turns "+" into a space.
     */
    private static String decode(String part) {
        return UriUtils.decode(part, StandardCharsets.UTF_8);
    }
}
