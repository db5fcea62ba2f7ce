package com.moviepeople.credits;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.TextFormat;
import com.moviepeople.shared.WebUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;

/**
 * Productions: finding them by title (typo- and accent-tolerant), creating one once (the same title,
 * ignoring case, accents and punctuation, and the same year is the same production), and the "did you
 * mean" check before a new one. A production goes with its last credit (a trigger, V25).
 */
@Service
class ProductionService {

    static final int PAGE_SIZE = 20;
    /** Projects may be announced a few years ahead; the first films date from 1888. */
    static final int YEAR_MIN = 1888;
    static final int YEARS_AHEAD = 5;
    /** Words of a query shorter than this match the start of a title's word only (too few trigrams for typos). */
    static final int FUZZY_MIN_LENGTH = 5;
    /** pg_trgm similarity of two whole titles from which one is offered as "did you mean". */
    static final double NEAR_MATCH = 0.45;

    private static final int MAX_WORDS = 6;

    private final JdbcClient jdbc;
    private final MemberDirectory members;
    private final Clock clock;

    ProductionService(JdbcClient jdbc, MemberDirectory members, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock;
    }

    /** The outcome of "create": the production (new or existing), or the near matches to choose from first. */
    record CreateResult(ProductionRef production, boolean existed, List<ProductionRef> nearMatches) {
    }

    /** A page of productions, newest first, and the cursor of the next page (null on the last). */
    record ProductionsPage(List<ProductionRef> productions, String next) {
    }

    /** A production with what its page shows besides the credits. */
    record ProductionDetails(ProductionRef ref, String link, Long createdBy) {
    }

    /** The rules annotations cannot say: the year's range, the kind, an https link. */
    void validate(ProductionForm form, Errors errors) {
        int latest = Year.now(clock).getValue() + YEARS_AHEAD;
        if (form.year() != null && (form.year() < YEAR_MIN || form.year() > latest)) {
            errors.rejectValue("year", "year.range", "Enter a year between " + YEAR_MIN + " and " + latest + ".");
        }
        if (!form.kind().isEmpty() && !ProductionKind.isKnown(form.kind())) {
            errors.rejectValue("kind", "kind.unknown", "Choose one of the kinds in the list.");
        }
        if (!form.title().isEmpty() && wordsOf(form.title()).isEmpty()) {
            errors.rejectValue("title", "title.noWords", "A title needs at least one letter or digit.");
        }
        if (!form.link().isEmpty()) {
            Optional<URI> uri = WebUrls.parseHttp(form.link());
            if (form.link().length() > ProductionForm.LINK_MAX || uri.isEmpty()
                    || !"https".equalsIgnoreCase(uri.get().getScheme())) {
                errors.rejectValue("link", "link.invalid",
                        "Enter a web address starting with https://, like https://www.imdb.com/title/tt0111161/.");
            }
        }
    }

    boolean mayCreate(long memberId) {
        return members.isEmailVerified(memberId);
    }

    /**
     * The production with this title and year if there is one; else, unless the member already
     * declined them ({@code confirmNew}), the near matches; else a new production.
     */
    @Transactional
    CreateResult create(long memberId, ProductionForm form) {
        Optional<ProductionRef> same = identical(form.title(), form.year());
        if (same.isPresent()) {
            return new CreateResult(same.get(), true, List.of());
        }
        if (!Boolean.TRUE.equals(form.confirmNew())) {
            List<ProductionRef> near = nearMatches(form.title(), form.year());
            if (!near.isEmpty()) {
                return new CreateResult(null, false, near);
            }
        }
        Optional<Long> id = jdbc.sql("""
                        insert into production (title, year, kind, link, created_by, created_at)
                        values (:title, :year, :kind, :link, :member, :at)
                        on conflict (title_key, year) do nothing
                        returning id""")
                .param("title", form.title()).param("year", form.year()).param("kind", form.kind())
                .param("link", form.link().isEmpty() ? null : form.link()).param("member", memberId)
                .param("at", Timestamp.from(Instant.now(clock)))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            // Created by someone else a moment ago: that one is the production.
            return new CreateResult(identical(form.title(), form.year()).orElseThrow(), true, List.of());
        }
        return new CreateResult(new ProductionRef(id.get(), form.title(), form.year(), form.kind()), false, List.of());
    }

    Optional<ProductionRef> identical(String title, int year) {
        return jdbc.sql("select id, title, year, kind from production where title_key = mp_title_key(:title) and year = :year")
                .param("title", title).param("year", year).query(ProductionService::ref).optional();
    }

    /** Titles close to this one (a typo, a missing "The"), within a year of it, closest first. */
    List<ProductionRef> nearMatches(String title, int year) {
        return jdbc.sql("""
                        select id, title, year, kind from (
                            select id, title, year, kind, similarity(title_words, ' ' || mp_title_key(:title) || ' ') as s
                            from production
                            where title_words % (' ' || mp_title_key(:title) || ' ')
                              and year between :year - 1 and :year + 1
                        ) candidates
                        where s >= :near
                        order by s desc, id
                        limit 5""")
                .param("title", title).param("year", year).param("near", NEAR_MATCH)
                .query(ProductionService::ref).list();
    }

    Optional<ProductionDetails> find(long id) {
        return jdbc.sql("select id, title, year, kind, link, created_by from production where id = :id")
                .param("id", id)
                .query((rs, n) -> new ProductionDetails(ref(rs, n), rs.getString("link"), (Long) rs.getObject("created_by")))
                .optional();
    }

    /**
     * Productions whose title matches every word of {@code query} (a word starts a word of the
     * title, or for words of five letters or more is close to one), newest first; all of them
     * for a blank query.
     */
    ProductionsPage search(String query, KeysetCursor before) {
        List<String> words = wordsOf(query == null ? "" : query);
        StringBuilder where = new StringBuilder("(created_at, id) < (:at, :id)");
        var spec = new java.util.LinkedHashMap<String, Object>();
        spec.put("at", Timestamp.from(before.at()));
        spec.put("id", before.id());
        spec.put("n", PAGE_SIZE + 1);
        if (query != null && !query.isBlank() && words.isEmpty()) {
            return new ProductionsPage(List.of(), null);
        }
        for (int i = 0; i < words.size(); i++) {
            String w = "nullif(mp_title_key(:w" + i + "), '')";
            spec.put("w" + i, words.get(i));
            where.append(" and (title_words like '% ' || ").append(w).append(" || '%'");
            if (words.get(i).codePointCount(0, words.get(i).length()) >= FUZZY_MIN_LENGTH) {
                where.append(" or title_words %> ").append(w);
            }
            where.append(")");
        }
        record Row(ProductionRef ref, Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("select id, title, year, kind, created_at from production where " + where
                        + " order by created_at desc, id desc limit :n")
                .params(spec)
                .query((rs, n) -> new Row(ref(rs, n), rs.getTimestamp("created_at").toInstant())).list();
        KeysetSlice<Row> page = KeysetSlice.of(rows, PAGE_SIZE);
        return new ProductionsPage(page.rows().stream().map(Row::ref).toList(),
                page.nextCursor(last -> new KeysetCursor(last.createdAt(), last.ref().id())));
    }

    /** The words of a query (as search splits them): at most six, 40 characters each. */
    static List<String> wordsOf(String text) {
        return TextFormat.words(text.length() > 400 ? text.substring(0, 400) : text, MAX_WORDS, 40);
    }

    static ProductionRef ref(ResultSet rs, int n) throws SQLException {
        return new ProductionRef(rs.getLong("id"), rs.getString("title"), rs.getInt("year"), rs.getString("kind"));
    }
}
