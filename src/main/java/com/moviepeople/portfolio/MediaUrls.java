package com.moviepeople.portfolio;

import com.moviepeople.shared.WebUrls;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a member pastes as a media URL into something safe to show. Pure: no I/O, no state.
 * Players are built from the parsed video id only, so nothing of the raw URL reaches an iframe.
 */
final class MediaUrls {

    static final String NOT_A_WEB_ADDRESS =
            "Enter a web address starting with https:// (for example a YouTube or Vimeo link).";
    static final String TOO_LONG = "Media links are at most " + WebUrls.MAX_LENGTH + " characters.";
    static final String NOT_A_YOUTUBE_VIDEO = "This YouTube link does not point to a video. Copy the link from the video's Share button.";
    static final String NOT_A_VIMEO_VIDEO = "This Vimeo link does not point to a video. Copy the link from the video's Share button.";
    static final String LOOKALIKE_HOST = "This address imitates a video site. Use a link on youtube.com, youtu.be or vimeo.com.";

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,12}");
    private static final Pattern VIMEO_HASH = Pattern.compile("[0-9a-f]{6,20}");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com");
    private static final Set<String> VIMEO_HOSTS = Set.of("vimeo.com", "www.vimeo.com", "player.vimeo.com");
    /** Hosts of the same providers that have nothing to embed (YouTube Music, Vimeo's CDN): plain links. */
    private static final Set<String> OTHER_PROVIDER_HOSTS = Set.of("music.youtube.com", "studio.youtube.com",
            "i.ytimg.com", "i.vimeocdn.com", "vimeocdn.com");
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".gif");

    private MediaUrls() {
    }

    /** Thrown for a URL that cannot be accepted; the message is meant for the member. */
    static final class InvalidMediaUrlException extends Exception {
        InvalidMediaUrlException(String message) {
            super(message, null, false, false);
        }
    }

    /** Empty for a blank URL (media are optional). */
    static Optional<Media> parse(String raw) throws InvalidMediaUrlException {
        if (raw == null || raw.strip().isEmpty()) {
            return Optional.empty();
        }
        String url = raw.strip();
        if (url.length() > WebUrls.MAX_LENGTH) {
            throw new InvalidMediaUrlException(TOO_LONG);
        }
        URI uri = WebUrls.parseHttp(url).orElseThrow(() -> new InvalidMediaUrlException(NOT_A_WEB_ADDRESS));
        String host = WebUrls.hostOf(uri);
        String path = uri.getPath() == null ? "" : uri.getPath();
        List<String> segments = segments(path);

        if (host.equals("youtu.be")) {
            return Optional.of(youtube(segments.isEmpty() ? null : segments.get(0)));
        }
        if (YOUTUBE_HOSTS.contains(host)) {
            Optional<Media> video = youtubeVideo(uri, segments);
            return Optional.of(video.orElseGet(() -> link(uri, host)));
        }
        if (VIMEO_HOSTS.contains(host)) {
            Optional<Media> video = vimeoVideo(host, segments);
            return Optional.of(video.orElseGet(() -> link(uri, host)));
        }
        if (!OTHER_PROVIDER_HOSTS.contains(host) && looksLikeAVideoSite(host)) {
            throw new InvalidMediaUrlException(LOOKALIKE_HOST);
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        // Only https images: the Content-Security-Policy would block an http one anyway.
        if ("https".equalsIgnoreCase(uri.getScheme()) && IMAGE_EXTENSIONS.stream().anyMatch(lowerPath::endsWith)) {
            String src = uri.toASCIIString();
            return Optional.of(new Media(MediaKind.IMAGE, src, null, src, host));
        }
        return Optional.of(link(uri, host));
    }

    /**
     * YouTube's video paths: {@code /watch?v=ID}, {@code /shorts/ID}, {@code /embed/ID}, {@code /live/ID},
     * {@code /v/ID}. A video path without a valid id is an error; other pages (channels, playlists) are links.
     */
    private static Optional<Media> youtubeVideo(URI uri, List<String> segments) throws InvalidMediaUrlException {
        if (segments.size() == 1 && segments.get(0).equals("watch")) {
            return Optional.of(youtube(queryParameter(uri, "v")));
        }
        if (!segments.isEmpty() && Set.of("shorts", "embed", "live", "v").contains(segments.get(0))) {
            return Optional.of(youtube(segments.size() > 1 ? segments.get(1) : null));
        }
        return Optional.empty();
    }

    private static Media youtube(String id) throws InvalidMediaUrlException {
        if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
            throw new InvalidMediaUrlException(NOT_A_YOUTUBE_VIDEO);
        }
        return new Media(MediaKind.YOUTUBE, "https://www.youtube.com/watch?v=" + id,
                "https://www.youtube-nocookie.com/embed/" + id,
                "https://i.ytimg.com/vi/" + id + "/hqdefault.jpg", "youtube.com");
    }

    /**
     * Vimeo's video paths: {@code /ID}, {@code /ID/HASH} (unlisted), {@code /channels/NAME/ID},
     * {@code /groups/NAME/videos/ID}, {@code player.vimeo.com/video/ID}. Other pages are links.
     */
    private static Optional<Media> vimeoVideo(String host, List<String> segments) throws InvalidMediaUrlException {
        if (host.equals("player.vimeo.com")) {
            if (segments.size() >= 2 && segments.get(0).equals("video")) {
                return Optional.of(vimeo(segments.get(1), null));
            }
            throw new InvalidMediaUrlException(NOT_A_VIMEO_VIDEO);
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        if (VIMEO_ID.matcher(segments.get(0)).matches()) {
            String hash = segments.size() > 1 && VIMEO_HASH.matcher(segments.get(1)).matches() ? segments.get(1) : null;
            return Optional.of(vimeo(segments.get(0), hash));
        }
        if (segments.size() == 3 && segments.get(0).equals("channels")) {
            return Optional.of(vimeo(segments.get(2), null));
        }
        if (segments.size() == 4 && segments.get(0).equals("groups") && segments.get(2).equals("videos")) {
            return Optional.of(vimeo(segments.get(3), null));
        }
        if (segments.get(0).equals("video")) {
            return Optional.of(vimeo(segments.size() > 1 ? segments.get(1) : null, null));
        }
        return Optional.empty();
    }

    private static Media vimeo(String id, String hash) throws InvalidMediaUrlException {
        if (id == null || !VIMEO_ID.matcher(id).matches()) {
            throw new InvalidMediaUrlException(NOT_A_VIMEO_VIDEO);
        }
        String page = "https://vimeo.com/" + id + (hash == null ? "" : "/" + hash);
        String embed = "https://player.vimeo.com/video/" + id + (hash == null ? "" : "?h=" + hash);
        return new Media(MediaKind.VIMEO, page, embed, null, "vimeo.com");
    }

    private static Media link(URI uri, String host) {
        return new Media(MediaKind.LINK, uri.toASCIIString(), null, null, host);
    }

    /** {@code youtube.com.evil.example}, {@code www-youtube.com}, {@code vimeo.com.co}: refused rather than linked. */
    private static boolean looksLikeAVideoSite(String host) {
        return host.contains("youtube") || host.contains("youtu.be") || host.contains("vimeo");
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
