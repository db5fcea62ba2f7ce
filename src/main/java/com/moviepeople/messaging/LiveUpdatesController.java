package com.moviepeople.messaging;

import com.moviepeople.shared.CurrentMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Optional;

/**
 * Live updates for the signed-in member's open pages (js/live.js): a stream of server-sent events
 * that only say "something changed in your conversation with member N", and the navigation's
 * unread badge to fetch when one arrives. The pages fetch new messages through the ordinary
 * {@code /messages/{username}/since} fragment, which checks what the member may read.
 *
 * <p>A stream holds neither a request thread nor a database connection while it waits (open-in-view
 * is off; the session is read once, when it opens). Anonymous requests get 401 (see SecurityConfiguration).
 */
@Controller
class LiveUpdatesController {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdatesController.class);

    private final LiveStreams streams;
    private final Messaging messaging;

    LiveUpdatesController(LiveStreams streams, Messaging messaging) {
        this.streams = streams;
        this.messaging = messaging;
    }

    /**
     * The member's own events only: the stream is keyed by the logged-in member, never by a
     * parameter. It starts with the unread count, taken after the stream is registered, so that a
     * message arriving while the page loaded is either counted or announced (usually neither).
     */
    @GetMapping("/messages/stream")
    ResponseEntity<SseEmitter> stream(@AuthenticationPrincipal CurrentMember me) {
        Optional<SseEmitter> opened = streams.open(me.id());
        if (opened.isEmpty()) {
            // Stopping or full: the page keeps its slow poll and tries again later.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").build();
        }
        SseEmitter emitter = opened.get();
        try {
            emitter.send(SseEmitter.event().name("unread").data("{\"count\":" + messaging.unreadCount(me.id()) + "}"));
        } catch (RuntimeException | IOException e) {
            // No count (the database is away, say): the page keeps the one it was rendered with. The
            // stream is returned all the same: registered already, it must reach the container to end.
            log.debug("Live stream opened without the unread count: {}", e.toString());
        }
        // nginx and similar proxies would otherwise buffer the stream.
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    /** The navigation's unread badge alone ({@code nav} comes from the navigation advice), fetched on a live update. */
    @GetMapping("/messages/unread")
    String unreadBadge() {
        return "fragments/badges :: unreadBadge";
    }
}
