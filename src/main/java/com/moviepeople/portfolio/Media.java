package com.moviepeople.portfolio;

/**
 * A portfolio item's media, ready to show.
 *
 * @param kind     how to show it
 * @param url      the address as the member gave it (normalised by {@link java.net.URI}); for links and images
 * @param embedUrl for players only: the provider's embed address, built from the parsed video id alone
 * @param thumbnailUrl a still for link previews, when the provider has a predictable one; otherwise null
 * @param host     the host, for link text
 */
public record Media(MediaKind kind, String url, String embedUrl, String thumbnailUrl, String host) {

    public boolean isPlayer() {
        return kind == MediaKind.YOUTUBE || kind == MediaKind.VIMEO;
    }

    public boolean isImage() {
        return kind == MediaKind.IMAGE;
    }

    public boolean isLink() {
        return kind == MediaKind.LINK;
    }

    public String providerName() {
        return switch (kind) {
            case YOUTUBE -> "YouTube";
            case VIMEO -> "Vimeo";
            case IMAGE -> "Image";
            case LINK -> host;
        };
    }
}
