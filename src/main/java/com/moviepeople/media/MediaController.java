package com.moviepeople.media;

import com.moviepeople.shared.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.time.Duration;

/**
 * Serves picture files. The keys never change (a new picture gets a new key), so browsers and
 * proxies may keep them for a year without asking again; the type is ours, never the upload's.
 * Public and session-free, like static files (SecurityConfiguration's public-resources chain).
 */
@Controller
class MediaController {

    private final MediaStorage storage;

    MediaController(MediaStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/media/{key:[A-Za-z0-9_-]{22}-[a-z0-9]{1,8}\\.jpg}")
    ResponseEntity<InputStreamResource> file(@PathVariable String key) throws IOException {
        MediaStorage.StoredFile file = storage.get(key).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .contentLength(file.length())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag(key)
                .body(new InputStreamResource(file.content()));
    }
}
