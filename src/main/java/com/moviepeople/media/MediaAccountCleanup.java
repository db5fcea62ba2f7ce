package com.moviepeople.media;

import com.moviepeople.accounts.MemberDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A deleted account's pictures go with it, files included. */
@Component
class MediaAccountCleanup {

    private final PictureService pictures;

    MediaAccountCleanup(PictureService pictures) {
        this.pictures = pictures;
    }

    @ApplicationModuleListener
    void on(MemberDeleted event) {
        pictures.deleteAllOf(event.memberId());
    }
}
