package com.moviepeople.portfolio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a pasted media URL becomes: a player built from the parsed id, an image, a link, or a form error. */
class MediaUrlsTests {

    private static Media parse(String url) throws MediaUrls.InvalidMediaUrlException {
        return MediaUrls.parse(url).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "http://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://youtube.com/watch?v=aqz-KE-bpKQ",
            "https://m.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://WWW.YouTube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com./watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=42s",
            "https://www.youtube.com/watch?feature=share&v=aqz-KE-bpKQ&list=PL123",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ#t=1m",
            "https://youtu.be/aqz-KE-bpKQ",
            "https://youtu.be/aqz-KE-bpKQ?si=abcDEF123&t=10",
            "https://www.youtube.com/shorts/aqz-KE-bpKQ",
            "https://youtube.com/shorts/aqz-KE-bpKQ?feature=share",
            "https://www.youtube.com/embed/aqz-KE-bpKQ",
            "https://www.youtube.com/embed/aqz-KE-bpKQ?start=30&autoplay=1",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            "https://www.youtube.com/live/aqz-KE-bpKQ",
            "https://www.youtube.com/v/aqz-KE-bpKQ",
            "  https://youtu.be/aqz-KE-bpKQ  "})
    void youtubeVideoLinksBecomeNoCookieEmbedsOfTheParsedId(String url) throws Exception {
        Media media = parse(url);
        assertThat(media.kind()).isEqualTo(MediaKind.YOUTUBE);
        assertThat(media.embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
        assertThat(media.thumbnailUrl()).isEqualTo("https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg");
        assertThat(media.isPlayer()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "https://vimeo.com/61812756, https://player.vimeo.com/video/61812756",
            "http://vimeo.com/61812756, https://player.vimeo.com/video/61812756",
            "https://www.vimeo.com/61812756?share=copy, https://player.vimeo.com/video/61812756",
            "https://vimeo.com/61812756#t=30s, https://player.vimeo.com/video/61812756",
            "https://player.vimeo.com/video/61812756, https://player.vimeo.com/video/61812756",
            "https://player.vimeo.com/video/61812756?h=abc&badge=0, https://player.vimeo.com/video/61812756",
            "https://vimeo.com/channels/staffpicks/61812756, https://player.vimeo.com/video/61812756",
            "https://vimeo.com/groups/shortfilms/videos/61812756, https://player.vimeo.com/video/61812756",
            "https://vimeo.com/61812756/a1b2c3d4e5, https://player.vimeo.com/video/61812756?h=a1b2c3d4e5"})
    void vimeoVideoLinksBecomePlayerEmbedsOfTheParsedId(String url, String embed) throws Exception {
        Media media = parse(url);
        assertThat(media.kind()).isEqualTo(MediaKind.VIMEO);
        assertThat(media.embedUrl()).isEqualTo(embed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/still.jpg", "https://example.com/a/b/still.JPEG",
            "https://cdn.example.org/poster.png?w=800", "https://example.com/frame.webp", "https://example.com/loop.gif"})
    void httpsImageLinksAreImages(String url) throws Exception {
        Media media = parse(url);
        assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(media.url()).isEqualTo(url);
        assertThat(media.embedUrl()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.imdb.com/title/tt1727587/", "http://example.com/", "https://example.com/reel.pdf",
            "http://example.com/still.jpg", "https://www.youtube.com/@BlenderStudio", "https://www.youtube.com/playlist?list=PL123",
            "https://music.youtube.com/watch?v=aqz-KE-bpKQ", "https://vimeo.com/blender", "https://vimeo.com/",
            "https://www.example.com/path?query=1#fragment", "https://xn--bcher-kva.example/"})
    void otherWebPagesAreLinks(String url) throws Exception {
        Media media = parse(url);
        assertThat(media.kind()).isEqualTo(MediaKind.LINK);
        assertThat(media.isLink()).isTrue();
        assertThat(media.embedUrl()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankMeansNoMedia(String url) throws Exception {
        assertThat(MediaUrls.parse(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "JavaScript:alert(document.cookie)",
            " javascript:alert(1)",
            "javascript://www.youtube.com/%0Aalert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/png;base64,iVBORw0KGgo=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com/reel.mp4",
            "mailto:me@example.com",
            "//www.youtube.com/watch?v=aqz-KE-bpKQ",
            "www.youtube.com/watch?v=aqz-KE-bpKQ",
            "youtube.com",
            "https://",
            "https:///watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ\"onload=\"alert(1)",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ'onmouseover='alert(1)",
            "https://example.com/\"><script>alert(1)</script>",
            "https://example.com/<img src=x onerror=alert(1)>",
            "https://example.com/a b",
            "https://example.com/\nSet-Cookie:x",
            "https://example.com/`x`",
            "https://example.com\\@evil.example/",
            "https://www.youtube.com@evil.example/watch?v=aqz-KE-bpKQ",
            "https://user:pass@example.com/",
            "https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
            "https://youtube.com.evil.example/embed/aqz-KE-bpKQ",
            "https://evilyoutube.com/watch?v=aqz-KE-bpKQ",
            "https://youtu.be.evil.example/aqz-KE-bpKQ",
            "https://vimeo.com.evil.example/61812756",
            "https://player.vimeo.com.evil.example/video/61812756",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ-too-long",
            "https://www.youtube.com/watch?v=aqz-KE%22bpKQ",
            "https://www.youtube.com/watch?v=<script>",
            "https://www.youtube.com/watch",
            "https://youtu.be/",
            "https://youtu.be/aqz\"KE-bpKQ",
            "https://www.youtube.com/shorts/",
            "https://www.youtube.com/embed/javascript:alert(1)",
            "https://player.vimeo.com/video/abc",
            "https://player.vimeo.com/",
            "https://vimeo.com/video/notanumber"})
    void refusesEverythingElse(String url) {
        assertThatThrownBy(() -> MediaUrls.parse(url)).isInstanceOf(MediaUrls.InvalidMediaUrlException.class);
    }

    @Test
    void refusesVeryLongUrls() throws Exception {
        String padding = "a".repeat(2000);
        assertThatThrownBy(() -> MediaUrls.parse("https://www.youtube.com/watch?v=aqz-KE-bpKQ&x=" + padding))
                .isInstanceOf(MediaUrls.InvalidMediaUrlException.class).hasMessageContaining("at most 2000");
        String justFits = "https://example.com/" + "a".repeat(2000 - "https://example.com/".length());
        assertThat(parse(justFits).kind()).isEqualTo(MediaKind.LINK);
    }

    @Test
    void playerAddressesNeverCarryAnythingButTheId() throws Exception {
        Media media = parse("https://www.youtube.com/watch?v=aqz-KE-bpKQ&autoplay=1&origin=https://evil.example");
        assertThat(media.embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");
        assertThat(parse("https://vimeo.com/61812756?autoplay=1&x=\u0065").embedUrl())
                .isEqualTo("https://player.vimeo.com/video/61812756");
    }
}
