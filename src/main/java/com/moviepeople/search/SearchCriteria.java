package com.moviepeople.search;

import com.moviepeople.availability.AvailabilityPeriod;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the member asked for, made harmless. The raw texts (trimmed, without control characters,
 * at most {@value #MAX_LENGTH} characters) are only echoed back to the page; the database sees
 * nothing but the words in them: runs of letters and digits. Quotes, SQL, LIKE wildcards,
 * tsquery operators and backslashes therefore never reach a query, and a text with no words in
 * it matches no one instead of everyone.
 *
 * @param q             free text over display name, username and headline
 * @param role          filter on the role's words
 * @param location      filter on the location's words
 * @param qWords        the words of {@code q}, at most {@value #MAX_WORDS}
 * @param roleWords     the words of {@code role}
 * @param locationWords the words of {@code location}
 * @param workedOn      filter on the title of a production the member holds a credit on
 * @param workedOnWords the words of {@code workedOn}
 * @param availableFrom the first day of the period asked about, as typed (cleaned)
 * @param availableTo   its last day, as typed (cleaned)
 * @param partly        also members who are available on some days of the period
 * @param availability  the period, or the message for each wrong date field, or empty
 * @param department    a department of the trades' list (a facet's link), or empty
 */
record SearchCriteria(String q, String role, String location,
                      List<String> qWords, List<String> roleWords, List<String> locationWords,
                      String workedOn, List<String> workedOnWords,
                      String availableFrom, String availableTo, boolean partly, AvailabilityPeriod.Parsed availability,
                      String department) {

    private static final AvailabilityPeriod.Parsed NO_PERIOD = AvailabilityPeriod.parse(null, null, LocalDate.EPOCH);

    static final int MAX_LENGTH = 100;
    static final int MAX_WORDS = 6;
    static final int MAX_WORD_LENGTH = 40;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]+");

    static SearchCriteria of(String q, String role, String location) {
        return of(q, role, location, null);
    }

    static SearchCriteria of(String q, String role, String location, String workedOn) {
        return of(q, role, location, workedOn, null, null, false, LocalDate.EPOCH);
    }

    static SearchCriteria of(String q, String role, String location, String workedOn,
                             String availableFrom, String availableTo, boolean partly, LocalDate today) {
        return of(q, role, location, workedOn, availableFrom, availableTo, partly, today, null);
    }

    /** Everything the page can ask; the period is checked against {@code today} (past days drop out). */
    static SearchCriteria of(String q, String role, String location, String workedOn,
                             String availableFrom, String availableTo, boolean partly, LocalDate today, String department) {
        String cq = clean(q);
        String cr = clean(role);
        String cl = clean(location);
        String cw = clean(workedOn);
        String from = prefix(availableFrom);
        String to = prefix(availableTo);
        AvailabilityPeriod.Parsed period = from.isEmpty() && to.isEmpty() ? NO_PERIOD : AvailabilityPeriod.parse(from, to, today);
        return new SearchCriteria(cq, cr, cl, words(cq), words(cr), words(cl), cw, words(cw), from, to, partly, period,
                clean(department));
    }

    /** Nothing asked: the page invites a search instead of listing everyone. */
    boolean isBlank() {
        return q.isEmpty() && role.isEmpty() && location.isEmpty() && workedOn.isEmpty() && availability.isEmpty()
                && department.isEmpty();
    }

    /** The period asked about, or null. */
    AvailabilityPeriod period() {
        return availability.period();
    }

    /** A date field as typed, cut short: it is only echoed back (a date is ten characters). */
    private static String prefix(String raw) {
        String s = clean(raw);
        return s.length() > 20 ? s.substring(0, 20) : s;
    }

    /** Something was typed but it has no words (only punctuation, say): it matches no one. */
    boolean hasNoWords() {
        return (!q.isEmpty() && qWords.isEmpty()) || (!role.isEmpty() && roleWords.isEmpty())
                || (!location.isEmpty() && locationWords.isEmpty()) || (!workedOn.isEmpty() && workedOnWords.isEmpty());
    }

    /** The free text as the query compares it with whole names. */
    String qPhrase() {
        return String.join(" ", qWords);
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        // Cut before the expensive steps: a 10 kB parameter costs no more than a short one.
        String s = raw.length() > 4 * MAX_LENGTH ? raw.substring(0, 4 * MAX_LENGTH) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll(" ").strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return s;
    }

    static List<String> words(String text) {
        return com.moviepeople.shared.TextFormat.words(text, MAX_WORDS, MAX_WORD_LENGTH);
    }
}
