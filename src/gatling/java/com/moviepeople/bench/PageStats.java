package com.moviepeople.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response times per request name, recorded by the simulation, and the report made of them:
 * requests, errors, throughput, p50/p95/p99 and throughput as a ratio to the framework's floor,
 * as a Markdown table ({@code summary.md}) and a self-contained HTML page ({@code report.html},
 * no scripts). Percentiles are nearest-rank over every sample (a run keeps well under a million).
 */
final class PageStats {

    /** One row of the report. */
    record Row(String name, int requests, int errors, double perSecond, long p50, long p95, long p99, long max, double ratio) {
    }

    private final Map<String, List<Long>> times = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private long startedAt;
    private long endedAt;

    synchronized void start() {
        times.clear();
        errors.clear();
        startedAt = System.currentTimeMillis();
        endedAt = 0;
    }

    /** @param millis the response time, or a negative number when no response came */
    synchronized void record(String name, long millis, boolean failed) {
        List<Long> list = times.computeIfAbsent(name, k -> new ArrayList<>());
        if (millis >= 0) {
            list.add(millis);
        }
        errors.merge(name, failed ? 1 : 0, Integer::sum);
    }

    synchronized List<Row> rows(String floor) {
        double seconds = Math.max(1, ((endedAt > 0 ? endedAt : System.currentTimeMillis()) - startedAt) / 1000.0);
        double floorRate = times.containsKey(floor) ? times.get(floor).size() / seconds : 0;
        List<Row> rows = new ArrayList<>();
        for (var entry : times.entrySet()) {
            List<Long> sorted = entry.getValue().stream().sorted().toList();
            int failed = errors.getOrDefault(entry.getKey(), 0);
            int requests = Math.max(sorted.size(), failed);
            double rate = requests / seconds;
            rows.add(new Row(entry.getKey(), requests, failed, rate, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                    floorRate > 0 ? rate / floorRate : 0));
        }
        return rows;
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    synchronized String markdown(String floor) {
        StringBuilder out = new StringBuilder("""
                | request | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | req/s ÷ floor |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        int total = 0;
        int failed = 0;
        for (Row row : rows(floor)) {
            total += row.requests();
            failed += row.errors();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %d | %d | %.3f |%n", row.name(),
                    row.requests(), row.errors(), row.perSecond(), row.p50(), row.p95(), row.p99(), row.max(), row.ratio()));
        }
        List<Long> all = times.values().stream().flatMap(List::stream).sorted().toList();
        double seconds = Math.max(1, ((endedAt > 0 ? endedAt : System.currentTimeMillis()) - startedAt) / 1000.0);
        out.append(String.format(Locale.ROOT, "%nWhole run: %d requests in %.0f s, %.1f req/s, %d errors, p50 %d ms, p95 %d ms, p99 %d ms%n",
                total, seconds, total / seconds, failed, percentile(all, 50), percentile(all, 95), percentile(all, 99)));
        return out.toString();
    }

    /** Writes {@code summary.md} and {@code report.html} into a new folder under {@code root}; returns it. */
    synchronized Path write(Path root, String setup, String floor) {
        endedAt = System.currentTimeMillis();
        Path dir = root.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StringBuilder table = new StringBuilder();
        long slowest = Math.max(1, rows(floor).stream().mapToLong(Row::p99).max().orElse(1));
        for (Row row : rows(floor)) {
            table.append(String.format(Locale.ROOT, """
                            <tr%s><th scope="row">%s</th><td>%d</td><td>%d</td><td>%.1f</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td>
                            <td class="bar"><span style="width:%d%%"></span></td></tr>
                            """, row.errors() > 0 ? " class=\"failed\"" : "", escape(row.name()), row.requests(), row.errors(),
                    row.perSecond(), row.p50(), row.p95(), row.p99(), row.max(), row.ratio(), Math.round(100.0 * row.p99() / slowest)));
        }
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>MoviePeople load benchmark</title>
                <style>
                body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#222}
                table{border-collapse:collapse}th,td{padding:.3rem .7rem;border-bottom:1px solid #ddd;text-align:right}
                th[scope=row],thead th:first-child{text-align:left}.failed{background:#fde8e8}
                .bar{width:14rem;text-align:left}.bar span{display:inline-block;height:.7rem;background:#4a6fa5}
                pre{background:#f5f5f5;padding:1rem}
                </style></head><body>
                <h1>MoviePeople load benchmark</h1>
                <p>%s</p>
                <table><thead><tr><th>request</th><th>requests</th><th>errors</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th>
                <th>p99 ms</th><th>max ms</th><th>req/s ÷ floor</th><th>p99 (bar)</th></tr></thead><tbody>
                %s</tbody></table>
                <h2>Markdown</h2><pre>%s</pre>
                </body></html>
                """.formatted(escape(setup), table, escape(markdown(floor)));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.md"), "# MoviePeople load benchmark\n\n" + setup + "\n\n" + markdown(floor),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
