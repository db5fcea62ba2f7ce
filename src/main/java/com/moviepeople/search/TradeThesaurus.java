package com.moviepeople.search;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trades' own words (issue 24), kept as data in {@code search/trades.tsv}: each role of
 * {@code FilmRoles} with its abbreviations, British and American spellings and its names in German,
 * French, Spanish and Polish. A term found in a search stands for every term of every role that
 * has it: "DP" for "director of photography", "cinematographer", "Kameramann", "autor zdjęć"…
 * Terms match whole words, so "AD" is never the start of "Adam".
 */
@Component
class TradeThesaurus {

    static final String RESOURCE = "search/trades.tsv";

    /** One line of the file: a role, its department and all its names. */
    record Entry(String department, String role, List<String> terms) {
    }

    /**
     * A term found in the words of a search: words {@code start} (inclusive) to {@code end}
     * (exclusive), as typed, and every name of the roles it stands for.
     */
    record Match(int start, int end, String typed, List<Entry> entries, Expansion expansion) {

        List<String> phrases() {
            return expansion.phrases();
        }

        List<String> exactRoles() {
            return expansion.exactRoles();
        }

        /** Whether {@code text} holds one of the phrases as whole words, or is exactly one of the exact roles. */
        boolean matches(String text) {
            String padded = " " + normalize(text) + " ";
            return expansion.padded().stream().anyMatch(padded::contains) || expansion.paddedExact().contains(padded);
        }
    }

    /**
     * What a term stands for, worked out once per term (the file does not change while running),
     * with the normalised, space-padded forms that {@link Match#matches} compares.
     */
    record Expansion(List<String> phrases, List<String> exactRoles, List<String> padded, Set<String> paddedExact) {

        static Expansion of(List<String> phrases, List<String> exactRoles) {
            return new Expansion(phrases, exactRoles, phrases.stream().map(p -> " " + normalize(p) + " ").toList(),
                    Set.copyOf(exactRoles.stream().map(r -> " " + normalize(r) + " ").toList()));
        }
    }

    private final Map<Entry, String> paddedRoleNames = new HashMap<>();
    private final Map<String, Expansion> expansions = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byTerm = new HashMap<>();
    private final int longestTerm;

    TradeThesaurus() {
        this(read());
    }

    TradeThesaurus(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int longest = 1;
        for (Entry entry : entries) {
            for (String term : entry.terms()) {
                String key = normalize(term);
                List<Entry> list = byTerm.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(entry)) {
                    list.add(entry);
                }
                longest = Math.max(longest, key.split(" ").length);
            }
        }
        this.longestTerm = longest;
        entries.forEach(e -> paddedRoleNames.put(e, " " + normalize(e.role()) + " "));
    }

    List<Entry> entries() {
        return entries;
    }

    /** The roles {@code text} names as a whole (case, accents and punctuation aside); empty if it is no term. */
    List<Entry> entriesOf(String text) {
        return byTerm.getOrDefault(normalize(text), List.of());
    }

    /** The terms in {@code words}, longest first from the left, never overlapping. */
    List<Match> find(List<String> words) {
        List<String> normalized = words.stream().map(TradeThesaurus::normalize).toList();
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < normalized.size()) {
            Match found = null;
            for (int n = Math.min(longestTerm, normalized.size() - i); n >= 1 && found == null; n--) {
                List<Entry> hit = byTerm.get(String.join(" ", normalized.subList(i, i + n)));
                if (hit != null) {
                    String typed = String.join(" ", words.subList(i, i + n));
                    Expansion expansion = expand(typed, hit);
                    found = new Match(i, i + n, typed, hit, expansion);
                }
            }
            if (found != null) {
                matches.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return matches;
    }

    /**
     * What a search for {@code typed}, a term of {@code roles}, looks for: the typed words, and each
     * name of those roles that is not also the name of another role. A search for "Film Editor"
     * thus finds cutters and monteurs but not every "… Editor" (the line's plain "editor" is the
     * start of "Assistant Editor"), while a search for "editor" itself still finds them all.
     * As written in the file: the database normalises them as it does the columns.
     */
    List<String> expansion(String typed, Collection<Entry> roles) {
        return expand(typed, roles).phrases();
    }

    private Expansion expand(String typed, Collection<Entry> roles) {
        return expansions.computeIfAbsent(normalize(typed), key -> {
            List<String> phrases = expanded(typed, roles);
            List<String> normalized = phrases.stream().map(TradeThesaurus::normalize).toList();
            return Expansion.of(phrases, roles.stream().map(Entry::role).filter(r -> !normalized.contains(normalize(r)))
                    .distinct().toList());
        });
    }

    private List<String> expanded(String typed, Collection<Entry> roles) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> phrases = new ArrayList<>();
        seen.add(normalize(typed));
        phrases.add(typed);
        for (Entry entry : roles) {
            for (String term : entry.terms()) {
                String key = normalize(term);
                if (!seen.contains(key) && !namesAnotherRole(key, roles)) {
                    seen.add(key);
                    phrases.add(term);
                }
            }
        }
        return phrases;
    }

    /**
     * The names of {@code roles} that {@link #expansion} leaves out because they are part of another
     * role's name ("Director" is in "Art Director"): a role field that is exactly one of them matches.
     */
    List<String> exactRoles(String typed, Collection<Entry> roles) {
        return expand(typed, roles).exactRoles();
    }

    /** Whether {@code phrase} is part of the name of a role other than {@code roles}, as whole words. */
    private boolean namesAnotherRole(String phrase, Collection<Entry> roles) {
        String padded = " " + phrase + " ";
        return entries.stream().anyMatch(e -> !roles.contains(e) && paddedRoleNames.get(e).contains(padded));
    }

    /**
     * Lower case, no accents, words separated by one space: what the database's
     * {@code mp_search_words} makes of a text (V9), for the letters the trades' words use.
     */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String ascii = normalizeAscii(text);
        return ascii != null ? ascii : ANY_TEXT.get(text, TradeThesaurus::normalizeAnyText);
    }

    /**
     * {@link #normalizeAnyText} of the texts seen lately: results' names, headlines and places
     * repeat from one search to the next, and the Unicode decomposition and two regular
     * expressions were 4 % of a name search's CPU (docs/benchmarks.md). A pure function, so
     * never stale. At most about two million characters (some 4 MB), whatever the texts' lengths.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, String> ANY_TEXT =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(2_000_000)
                    .<String, String>weigher((text, normalized) -> text.length() + normalized.length()).build();

    /**
     * {@link #normalize} of a text made of ASCII characters only (most names, roles and places),
     * without the regular expressions and the Unicode decomposition: letters lower-cased, digits
     * kept, every run of other characters one space, none at the ends. Null for any other text.
     * A search page normalises every result's name, headline and location (MatchReasons): the
     * general path was 4 % of a search's CPU (docs/benchmarks.md).
     */
    static String normalizeAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter || (c >= '0' && c <= '9')) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(letter ? (char) (c | 0x20) : c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** {@link #normalize} of any text. */
    static String normalizeAnyText(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("đ", "d");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": not three tab-separated columns: " + line);
                }
                List<String> terms = Arrays.stream(columns[2].split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                entries.add(new Entry(columns[0].strip(), columns[1].strip(), terms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
