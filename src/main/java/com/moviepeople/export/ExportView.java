package com.moviepeople.export;

import java.time.Instant;
import java.util.Locale;

/**
 * One export on the settings page. {@code status} is requested, running, ready, failed or expired
 * (the page's {@code data-export-status}). Public only so that the template may call its methods.
 */
public record ExportView(long id, String status, Instant requestedAt, Instant finishedAt, Instant expiresAt, Long fileSize) {

    public boolean downloadable() {
        return "ready".equals(status);
    }

    public boolean pending() {
        return "requested".equals(status) || "running".equals(status);
    }

    /** "340 KB", "12.5 MB"; empty while there is no file. */
    public String size() {
        if (fileSize == null) {
            return "";
        }
        if (fileSize < 1024 * 1024) {
            return Math.max(1, Math.round(fileSize / 1024.0)) + " KB";
        }
        return String.format(Locale.ENGLISH, "%.1f MB", fileSize / (1024.0 * 1024.0));
    }
}
