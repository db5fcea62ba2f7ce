package com.moviepeople.messaging;

import java.util.List;

/** A page of the inbox, most recent conversation first; {@code nextCursor} is null on the last page. */
record InboxPage(List<InboxRow> rows, Long nextCursor) {
}
