package com.moviepeople.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.EnumSet;

/**
 * Member-written text as safe HTML: {@code th:with="html=${@text.linkified(body)}" th:utext="${html}"}
 * (Thymeleaf forbids bean references inside th:utext itself). Everything is
 * escaped, and only http(s) and www. links become anchors with
 * {@code rel="nofollow noopener noreferrer ugc"}. Line breaks are kept by CSS ({@code .text-prewrap}).
 */
@Component("text")
public class TextFormat {

    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    public String linkified(String text) {
        return linkify(text);
    }

    /** {@link #linkified} for code outside templates (views that carry their HTML ready-made). */
    public static String linkify(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 64);
        for (Span span : LINKS.extractSpans(text)) {
            String part = text.substring(span.getBeginIndex(), span.getEndIndex());
            if (span instanceof LinkSpan link) {
                String href = link.getType() == LinkType.WWW ? "https://" + part : part;
                String lower = href.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    html.append("<a href=\"").append(HtmlUtils.htmlEscape(href, "UTF-8")).append("\" rel=\"nofollow noopener noreferrer ugc\" target=\"_blank\">")
                            .append(HtmlUtils.htmlEscape(part, "UTF-8")).append("</a>");
                    continue;
                }
            }
            html.append(HtmlUtils.htmlEscape(part, "UTF-8"));
        }
        return html.toString();
    }

    /** One user-perceived character: an extended grapheme cluster (an emoji with its modifiers, a flag, a letter with its accents). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /**
     * At most {@code max} characters as a reader counts them (grapheme clusters, never half an
     * emoji or a letter without its accent), cut at a word where possible, with an ellipsis.
     */
    public String shortened(String text, int max) {
        return shorten(text, max);
    }

    /** {@link #shortened} for code outside templates. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        int end = graphemeBoundary(flat, max);
        if (end == flat.length()) {
            return flat;
        }
        // Room for the ellipsis: max - 1 characters of text.
        end = graphemeBoundary(flat, max - 1);
        int cut = flat.lastIndexOf(' ', end);
        return flat.substring(0, cut > end / 2 ? cut : end).stripTrailing() + "…";
    }

    /**
     * {@code text} if it has at most {@code maxCodePoints} code points (as PostgreSQL's
     * {@code char_length} counts), else its longest run of whole grapheme clusters that fits with
     * an added "…".
     */
    public static String atMost(String text, int maxCodePoints) {
        if (text == null || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        Matcher clusters = GRAPHEME.matcher(text);
        int end = 0;
        int used = 0;
        while (clusters.find()) {
            int size = text.codePointCount(clusters.start(), clusters.end());
            if (used + size > maxCodePoints - 1) {
                break;
            }
            used += size;
            end = clusters.end();
        }
        return text.substring(0, end) + "…";
    }

    /**
     * A prefix of at most {@code maxChars} UTF-16 units that never ends in the middle of a
     * surrogate pair (for keys and columns limited in length, where half an emoji would be an
     * invalid string).
     */
    public static String prefix(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    /** Letters (with their combining marks) and decimal digits; everything else separates words. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");

    /**
     * The words of a query: runs of letters and digits, at most {@code maxWords}, each cut to
     * {@code maxWordLength} code points. What search filters hand to SQL, so that quotes, wildcards
     * and operators never reach a query.
     */
    public static java.util.List<String> words(String text, int maxWords, int maxWordLength) {
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find() && words.size() < maxWords) {
            String word = m.group();
            if (word.codePointCount(0, word.length()) > maxWordLength) {
                word = word.substring(0, word.offsetByCodePoints(0, maxWordLength));
            }
            words.add(word);
        }
        return java.util.List.copyOf(words);
    }

    /** The index in {@code text} after its first {@code count} grapheme clusters (or its length). */
    static int graphemeBoundary(String text, int count) {
        if (text.length() <= count) {
            return text.length(); // fewer units than asked: fewer clusters too
        }
        Matcher clusters = GRAPHEME.matcher(text);
        int end = 0;
        for (int i = 0; i < count && clusters.find(); i++) {
            end = clusters.end();
        }
        return end;
    }
}
