package com.moviepeople.messaging;

import java.time.Instant;

/**
 * One message as the viewer sees it.
 *
 * @param mine   sent by the viewer
 * @param unread sent to the viewer and not read before this page was shown (highlighted once)
 */
record MessageView(long id, boolean mine, String body, Instant sentAt, boolean unread) {
}
