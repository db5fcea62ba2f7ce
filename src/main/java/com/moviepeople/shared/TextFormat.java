package com.moviepeople.shared;

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

    /** At most {@code max} characters, cut at a word where possible, with an ellipsis. */
    public String shortened(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }
}
