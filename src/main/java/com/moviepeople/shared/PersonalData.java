package com.moviepeople.shared;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a member's data export ("Export everything", {@code /settings/export}). Each module
 * that owns personal data contributes a bean with its own queries; the export module collects them
 * all, so a new feature adds its file without touching the export.
 * <p>
 * Only the member's own data, and of others only what the member could already see (names of
 * connections and correspondents, their messages to the member): never another member's e-mail
 * address, private fields or pictures. Read in bulk: a handful of statements whatever the amount,
 * long lists in chunks of {@link #CHUNK} (keyset, never an offset) written as they come.
 */
public interface PersonalData {

    /** Rows read per statement for long lists (messages, posts, comments). */
    int CHUNK = 1_000;

    /**
     * The file's name in the archive ({@code messages.json}), or a folder's ending in {@code /}
     * ({@code pictures/}). Unique among all contributions.
     */
    String name();

    /** What the file holds and each of its fields, for the archive's README.txt (plain text, may span lines). */
    String description();

    /** Writes the member's data for this file through {@code out}. */
    void export(long memberId, Sink out) throws IOException;

    /** Where a contribution writes its file; dates come out as ISO-8601 strings, text as UTF-8. */
    interface Sink {

        /** The file as one JSON value (a record, a list): for small data. */
        void json(Object value) throws IOException;

        /** The file as a JSON array written element by element, never held whole in memory; close it when done. */
        JsonArray jsonArray() throws IOException;

        /** A file in this contribution's folder (a name ending in {@code /}), copied from {@code content}, which the caller closes. */
        void file(String fileName, InputStream content) throws IOException;
    }

    /** A JSON array being written. */
    interface JsonArray extends Closeable {

        void add(Object element) throws IOException;
    }
}
