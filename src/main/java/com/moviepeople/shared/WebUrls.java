package com.moviepeople.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check for web addresses members type in (websites, portfolio media): an absolute
 * {@code http}/{@code https} URL with a host, parsed by {@link URI} rather than matched by
 * string tricks. Anything else ({@code javascript:}, {@code data:}, quotes or markup, user
 * info such as {@code https://youtube.com@evil.example}) is refused.
 */
public final class WebUrls {

    public static final int MAX_LENGTH = 2000;

    private WebUrls() {
    }

    /** The parsed URL, or empty when {@code raw} is not an acceptable web address. */
    public static Optional<URI> parseHttp(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // URI refuses most of these already; the apostrophe and backtick it would allow.
            if (c <= 0x20 || c == 0x7f || c == '\'' || c == '"' || c == '`' || c == '<' || c == '>' || c == '\\') {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.empty();
        }
        if (uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /** The host in lower case, without a trailing dot ({@code www.youtube.com.} is {@code www.youtube.com}). */
    public static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * A public page seen by a visitor (not logged in) may be kept by the browser and revalidated
     * ({@code Cache-Control: no-cache}), so its back/forward cache works; members' pages keep Spring
     * Security's {@code no-store} (private content: after logging out, the back button must not show
     * it again). Spring Security leaves a header the page set itself alone.
     */
    public static void cacheableForVisitors(CurrentMember viewer, jakarta.servlet.http.HttpServletResponse response) {
        if (viewer == null) {
            response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }
}
