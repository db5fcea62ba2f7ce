package com.moviepeople.export;

import com.moviepeople.shared.PersonalData;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a member's archive: every module's {@link PersonalData} file, in name order, and a
 * README.txt made of their descriptions. Streamed to a temporary file (never held whole in memory),
 * JSON through the application's own mapper (ISO-8601 dates, UTF-8), pretty-printed.
 */
@Component
class ExportArchive {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private final List<PersonalData> parts;
    private final ObjectWriter json;

    ExportArchive(List<PersonalData> parts, JsonMapper mapper) {
        this.parts = parts.stream().sorted(Comparator.comparing(PersonalData::name)).toList();
        Set<String> names = new HashSet<>();
        for (PersonalData part : this.parts) {
            if (!names.add(part.name())) {
                throw new IllegalStateException("Two exports write " + part.name());
            }
        }
        this.json = mapper.writerWithDefaultPrettyPrinter();
    }

    /** The files the archive holds, for the README and the docs. */
    List<PersonalData> parts() {
        return parts;
    }

    /** Writes the member's archive to a new temporary file, which the caller deletes. */
    Path build(long memberId, String username, Instant at) throws IOException {
        Path file = Files.createTempFile("moviepeople-export-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(username, at).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (PersonalData part : parts) {
                part.export(memberId, new ZipSink(zip, part.name()));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    String readme(String username, Instant at) {
        StringBuilder text = new StringBuilder("""
                MoviePeople: all your data
                ==========================

                Exported for %s at %s.

                Text files are UTF-8. The .json files are JSON; times are ISO-8601 in UTC
                (2026-12-03T14:05:00Z), dates are YYYY-MM-DD, and a field without a value is null.
                Of other members this archive holds only what you could already see on the site:
                the names of your connections and correspondents, their messages to you, comments
                under your posts. Never their e-mail addresses, private fields or pictures.

                The files:
                """.formatted(username, at));
        for (PersonalData part : parts) {
            text.append('\n').append(part.name()).append('\n');
            part.description().strip().lines().forEach(line -> text.append("    ").append(line.strip()).append('\n'));
        }
        return text.toString().replace("\n", "\r\n");
    }

    /** One contribution's view of the zip: it writes its own file (or files in its own folder) only. */
    private final class ZipSink implements PersonalData.Sink {

        private final ZipOutputStream zip;
        private final String name;
        private boolean written;

        ZipSink(ZipOutputStream zip, String name) {
            this.zip = zip;
            this.name = name;
        }

        private boolean isFolder() {
            return name.endsWith("/");
        }

        private OutputStream openSingleFile() throws IOException {
            if (isFolder() || written) {
                throw new IllegalStateException(name + " is a folder or was written already");
            }
            written = true;
            zip.putNextEntry(new ZipEntry(name));
            return new KeepOpen(zip);
        }

        @Override
        public void json(Object value) throws IOException {
            try (OutputStream out = openSingleFile()) {
                json.writeValue(out, value);
            } catch (JacksonException e) {
                throw new IOException("Could not write " + name, e);
            }
            zip.closeEntry();
        }

        @Override
        public PersonalData.JsonArray jsonArray() throws IOException {
            SequenceWriter sequence = json.writeValuesAsArray(openSingleFile());
            return new PersonalData.JsonArray() {
                @Override
                public void add(Object element) throws IOException {
                    try {
                        sequence.write(element);
                    } catch (JacksonException e) {
                        throw new IOException("Could not write " + name, e);
                    }
                }

                @Override
                public void close() throws IOException {
                    sequence.close();
                    zip.closeEntry();
                }
            };
        }

        @Override
        public void file(String fileName, InputStream content) throws IOException {
            if (!isFolder() || fileName == null || !FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("Not a file of " + name + ": " + fileName);
            }
            zip.putNextEntry(new ZipEntry(name + fileName));
            content.transferTo(zip);
            zip.closeEntry();
        }
    }

    /** The zip stays open when Jackson closes what it wrote to (its generators close their target). */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
