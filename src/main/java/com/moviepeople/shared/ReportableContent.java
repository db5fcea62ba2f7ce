package com.moviepeople.shared;

/**
 * Something a member may report, as the owning module shows it to them: its author, a copy of
 * its text for the moderators, and the page where it is shown (to return to after reporting).
 */
public record ReportableContent(long authorId, String text, String path) {
}
