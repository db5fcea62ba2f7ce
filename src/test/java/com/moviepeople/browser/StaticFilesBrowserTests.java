package com.moviepeople.browser;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a phone downloads for the first page: every stylesheet and script under a content-versioned
 * address, compressed, and cached for a year as immutable (never {@code no-store}).
 */
class StaticFilesBrowserTests extends BrowserTest {

    @Test
    void stylesAndScriptsComeCompressedAndCachedForAYear() {
        List<Response> assets = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            String type = response.request().resourceType();
            if (type.equals("stylesheet") || type.equals("script")) {
                assets.add(response);
            }
        });
        page.navigate("/");
        page.waitForLoadState();

        assertThat(assets).extracting(r -> r.url().replaceFirst("^https?://[^/]+", ""))
                .anySatisfy(url -> assertThat(url).matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css"))
                .anySatisfy(url -> assertThat(url).matches("/css/app-[0-9a-f]{32}\\.css"))
                .anySatisfy(url -> assertThat(url).matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js"))
                .anySatisfy(url -> assertThat(url).matches("/js/app-[0-9a-f]{32}\\.js"));
        for (Response asset : assets) {
            assertThat(asset.status()).as(asset.url()).isEqualTo(200);
            assertThat(asset.allHeaders().get("cache-control")).as(asset.url())
                    .contains("max-age=31536000").contains("public").contains("immutable").doesNotContain("no-store");
            assertThat(asset.allHeaders().get("content-encoding")).as(asset.url()).isIn("gzip", "br");
        }
    }
}
