package com.moviepeople.search;

import com.moviepeople.shared.Visibility;

import com.moviepeople.shared.MemberCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The search_person projection: keeping it current, and the search query itself (native SQL on
 * the trigram indexes; see V9__search_people_index.sql).
 *
 * <p>How a word of the free text matches: it starts a word of the name, username or headline
 * ({@code LIKE '% word%'} on the space-padded text), or, for typos in words of five or more
 * letters, its {@code word_similarity} with some part of the name or username reaches pg_trgm's
 * threshold (0.6: "kowalsky" finds "Kowalska"). Role and
 * location words must start a word of the field ("editor" finds "Film Editor", not "Director").
 * Every word of every given field must match. Both sides are normalised by {@code mp_search_words}
 * (lower case, no accents).
 *
 * <p>Relevance, highest first: the whole text is the display name or username (5), one of them
 * starts with it (4), every word starts a word of the name or username (3), every word starts a
 * word anywhere, e.g. in the headline (2), fuzzy only (1); within a level, higher trigram
 * similarity to the name and username first. Stored as {@code level * 1000 + similarity * 1000}.
 * Where the whole text is words of the name or username (most results of a name search), that
 * similarity is 1 by definition and is not computed: pg_trgm's {@code word_similarity} on every
 * matching row was half of a name search's execution (docs/benchmarks.md).
 */
@Repository
class SearchRepository {

    /** One member found, with what the keyset cursor needs and the viewer's connection with them. */
    record Row(MemberCard card, int relevance, String nameWords, String availability,
               com.moviepeople.connections.ConnectionPair connection) {
    }

    /**
     * The connections module's {@code mp_connection_between} (V47) for the page's rows (the relation
     * {@code page}), its columns named for {@code ConnectionPair.read}: joined after the limit, so
     * only for the rows shown.
     */
    private static final String CONNECTION_PREFIX = "connection_";

    private static final String CONNECTION_COLUMNS =
            com.moviepeople.connections.ConnectionPair.columns("cn", CONNECTION_PREFIX);

    private static final String CONNECTION_JOIN = "left join lateral mp_connection_between(:viewer, page.member_id) cn on true";

    /**
     * Shorter words are matched as the start of a word only: they have too few trigrams for a
     * useful similarity, and fuzzy matching them finds many unrelated names (slowly).
     */
    static final int FUZZY_MIN_LENGTH = 5;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;
    private final TradeThesaurus thesaurus;

    SearchRepository(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named, TradeThesaurus thesaurus) {
        this.thesaurus = thesaurus;
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A new member: name and username (their profile is still empty). Idempotent. */
    void saveMember(long memberId, String username, String displayName) {
        jdbc.sql("""
                        insert into search_person (member_id, username, display_name)
                        values (:id, :username, :displayName)
                        on conflict (member_id) do update set
                            username = excluded.username, display_name = excluded.display_name""")
                .param("id", memberId).param("username", username).param("displayName", displayName)
                .update();
    }

    /**
     * Everything searchable about a member, as it is now, with who may see (and so find) the
     * location. Idempotent.
     */
    void save(MemberCard card, Visibility locationVisibility) {
        jdbc.sql("""
                        insert into search_person (member_id, username, display_name, headline, role, location, photo_id, location_visibility)
                        values (:id, :username, :displayName, :headline, :role, :location, :photo, :locationVisibility)
                        on conflict (member_id) do update set
                            username = excluded.username, display_name = excluded.display_name,
                            headline = excluded.headline, role = excluded.role, location = excluded.location,
                            photo_id = excluded.photo_id, location_visibility = excluded.location_visibility""")
                .param("id", card.id()).param("username", card.username()).param("displayName", card.displayName())
                .param("photo", card.photoId()).param("locationVisibility", locationVisibility.value())
                .param("headline", card.headline()).param("role", card.role()).param("location", card.location())
                .update();
    }

    /**
     * Whether the viewer may see the row's location: searching is for signed-in members, so
     * {@code everyone} and {@code members} show it, {@code connections} only to a connection (the
     * connections module's documented {@code mp_accepted_connection}, V52, which the planner makes
     * one index probe of this statement), {@code nobody} never.
     */
    static final String LOCATION_SHOWN = """
            (p.location_visibility in ('everyone', 'members')
                or (p.location_visibility = 'connections'
                    and exists (select 1 from mp_accepted_connection(p.member_id, :viewer))))""";

    /**
     * A search statement and its named parameters; {@code customPlan} when some word reaches it only
     * through {@code mp_search_words}, so PostgreSQL must plan it for those very values.
     */
    record Statement(String sql, Map<String, Object> params, boolean customPlan) {
    }

    /**
     * The parameters of one statement, and whether a word had to be normalised in SQL ({@link #key}
     * could not be sure of it).
     */
    private static final class Params extends LinkedHashMap<String, Object> {
        boolean customPlan;
    }

    /** A page of rows and, when asked for, the facets of all the results ({@link #statement}). */
    record Found(List<Row> rows, List<FacetCount> facets) {
    }

    /**
     * Up to {@code limit} members matching {@code criteria} (which must have words), most relevant
     * first, after {@code after} (null for the first page), never {@code viewerId} nor those in
     * {@code blocked}; and, when asked for, the facets of all the results ({@link #statement}).
     */
    Found find(long viewerId, long[] blocked, SearchCriteria criteria, SearchCursor after, int limit, boolean withFacets) {
        Statement statement = statement(viewerId, blocked, criteria, after, limit, withFacets);
        List<FacetCount> facets = new java.util.ArrayList<>();
        List<Row> rows = withPlannerSettings(statement.customPlan(), statement.sql(), statement.params(), rs -> {
            List<Row> found = new java.util.ArrayList<>(limit);
            while (rs.next()) {
                if (withFacets && found.isEmpty()) {
                    facets.addAll(counts("department", rs.getArray("department_labels"), rs.getArray("department_counts")));
                    facets.addAll(counts("city", rs.getArray("city_labels"), rs.getArray("city_counts")).stream().limit(CITIES).toList());
                }
                found.add(new Row(new MemberCard(rs.getLong("member_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("headline"), rs.getString("role"),
                        rs.getString("location"), rs.getString("photo_id")), rs.getInt("relevance"), rs.getString("name_words"),
                        rs.getString("availability"), com.moviepeople.connections.ConnectionPair.read(rs, CONNECTION_PREFIX)));
            }
            return found;
        });
        return new Found(rows, List.copyOf(facets));
    }

    /**
     * Runs {@code sql} with the planner settings ({@link #preferIndexes}; a plan made for these
     * values when {@code customPlan}) in one round trip: the JDBC driver sends both statements of the
     * text before one Sync, so the server runs them in order in one transaction — the caller's, or
     * without one an implicit transaction that ends with the Sync — and the settings, local to it, are
     * in force when the server plans {@code sql} and gone afterwards. No transaction of its own is
     * needed: a search is one statement, and a read-only transaction around it cost a round trip to
     * commit and the JPA transaction manager's work (docs/benchmarks.md). The first result (the
     * settings) is skipped.
     */
    <T> T withPlannerSettings(boolean customPlan, String sql, Map<String, ?> params,
                              org.springframework.jdbc.core.ResultSetExtractor<T> extractor) {
        String settings = customPlan ? PLANNER_SETTINGS : PLANNER_SETTINGS_GENERIC;
        return named.execute(settings + ";\n" + sql, params, ps -> {
            ps.execute();
            if (!ps.getMoreResults()) {
                throw new IllegalStateException("the search statement returned no result");
            }
            try (java.sql.ResultSet rs = ps.getResultSet()) {
                return extractor.extractData(rs);
            }
        });
    }

    private static List<FacetCount> counts(String kind, java.sql.Array labels, java.sql.Array counts) throws java.sql.SQLException {
        if (labels == null || counts == null) {
            return List.of();
        }
        Object[] l = (Object[]) labels.getArray();
        Object[] c = (Object[]) counts.getArray();
        List<FacetCount> facets = new java.util.ArrayList<>(l.length);
        for (int i = 0; i < l.length; i++) {
            facets.add(new FacetCount(kind, (String) l[i], ((Number) c[i]).longValue()));
        }
        return facets;
    }

    /**
     * Three planner settings for the rest of the current transaction (one statement):
     * <ul>
     *   <li>pg_trgm declares word_similarity as cheap as "=", so for a common word the planner
     *   prefers reading every row (≈600 ms at 100,000 members) to the trigram index (≈20 ms);
     *   without sequential scans, which index to use stays the planner's choice;</li>
     *   <li>a plan made for these very words: a generic plan of the prepared statement (which
     *   the JDBC driver switches to after a few runs) cannot fold {@code mp_search_words(?)} into
     *   constants and normalises the words again for every candidate row.</li>
     *   <li>no parallel workers: for a first page with facets (some thousand rows for a broad
     *   role) the planner chose a parallel bitmap scan whose start-up cost more than it saved on
     *   two cores (docs/benchmarks.md, "Search in the trade's own words").</li>
     * </ul>
     */
    void preferIndexes() {
        jdbc.sql(PLANNER_SETTINGS).query().singleRow();
    }

    private static final String PLANNER_SETTINGS = plannerSettings("force_custom_plan");

    /**
     * The same, with one generic plan per statement shape, kept by the connection's prepared
     * statement (pgjdbc prepares a statement on the server from its fifth run): when every word
     * reaches the statement already normalised ({@link #key}), the plan has nothing to fold, and
     * PostgreSQL's plan for "okafor" is the plan for "anna" (the same bitmap scans, measured with
     * EXPLAIN ANALYZE), without planning each search again (0.77 ms of a name search's 3 ms).
     */
    private static final String PLANNER_SETTINGS_GENERIC = plannerSettings("force_generic_plan");

    private static String plannerSettings(String planCacheMode) {
        return "select set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', '" + planCacheMode + "', true),"
                + " set_config('max_parallel_workers_per_gather', '0', true)";
    }

    /** The statement {@link #find} runs (also for EXPLAIN in the benchmark). */
    Statement statement(long viewerId, SearchCriteria criteria, SearchCursor after, int limit) {
        return statement(viewerId, new long[0], criteria, after, limit, after == null);
    }

    /** {@link #statement} leaving out {@code blocked} (the members blocked either way by the viewer). */
    Statement statement(long viewerId, long[] blocked, SearchCriteria criteria, SearchCursor after, int limit, boolean withFacets) {
        Parts parts = parts(viewerId, blocked, criteria);
        Params params = parts.params();
        params.put("limit", limit);
        StringBuilder where = new StringBuilder(parts.where());
        List<String> q = parts.q();
        String relevance = "0";
        if (!q.isEmpty()) {
            relevance = relevance(q, bind(params, "phrase", criteria.qPhrase(), "mp_search_words"));
        } else {
            // Without name words (role, location, production only) a plan made for the values: at
            // 100,000 members the generic plan made role + location 17 % slower (A/B, docs/benchmarks.md),
            // and it was level at 20,000.
            params.customPlan = true;
        }
        if (after != null) {
            params.put("afterRelevance", after.relevance());
            params.put("afterName", after.name());
            params.put("afterId", after.memberId());
            where.append("\n  and (-s.relevance, p.name_words, p.member_id) > (-:afterRelevance, :afterName, :afterId)");
        }
        if (withFacets) {
            return new Statement(withFacets(relevance, parts, where.toString()), params, params.customPlan);
        }
        // As on the first page (withFacets): the matches carry only what the order needs, and the
        // page's rows read the columns they show by primary key, so a later page of a broad search
        // no longer decides who may see the location of every match before keeping 21 of them.
        String sql = """
                select %6$s, %7$s
                from (
                    select p.member_id, p.name_words, s.relevance, %2$s as availability
                    from search_person p%3$s
                    cross join lateral (select %4$s as relevance) s
                    where %5$s
                    order by s.relevance desc, p.name_words, p.member_id
                    limit :limit
                ) page
                join search_person p on p.member_id = page.member_id
                %8$s
                order by page.relevance desc, page.name_words, page.member_id"""
                .formatted(LOCATION_SHOWN, parts.availability(), parts.join(), relevance, where, pageColumns(),
                        CONNECTION_COLUMNS, CONNECTION_JOIN);
        return new Statement(sql, params, params.customPlan);
    }

    /**
     * The columns a page's row shows, read from {@code p} (search_person, joined by primary key to the
     * page's matches {@code page}); the location only where its owner shows it to this viewer.
     */
    private static String pageColumns() {
        return """
                p.member_id, p.username, p.display_name, p.headline, p.role,
                       case when %s then p.location end as location, p.photo_id, page.name_words, page.relevance,
                       page.availability""".formatted(LOCATION_SHOWN);
    }

    /**
     * The first page with the facets of all the results, in one statement: the matching rows are
     * found once (the page sorts them all anyway), then both the page and the counts read them. A
     * city is the location up to its first comma, only where its owner shows it to this viewer; a
     * department is the one of the role's name (V44), "Other" when it is none of the trades' names. The
     * city is stored with the row (V50).
     *
     * <p>The matches keep only what the order and the counts need; the page's 21 rows read the rest
     * of their columns again by primary key. Carrying every shown column through the sort for every
     * match (2,563 for "okafor" at 100,000 members) cost PostgreSQL 5–12 % of the statement
     * (docs/benchmarks.md, "A narrower set of matches").
     */
    private static String withFacets(String relevance, Parts parts, String where) {
        return """
                with m as materialized (
                    select p.member_id, p.name_words, s.relevance, %2$s as availability,
                           coalesce(p.department, '%3$s') as department,
                           case when %1$s then p.city end as city
                    from search_person p%4$s
                    cross join lateral (select %5$s as relevance) s
                    where %6$s
                )
                select %9$s, %7$s, f.department_labels, f.department_counts, f.city_labels, f.city_counts
                from (select member_id, name_words, relevance, availability from m
                      order by relevance desc, name_words, member_id limit :limit) page
                join search_person p on p.member_id = page.member_id
                %8$s
                cross join (
                    select array_agg(label order by n desc, label) filter (where by_department) as department_labels,
                           array_agg(n order by n desc, label) filter (where by_department) as department_counts,
                           array_agg(label order by n desc, label) filter (where not by_department and label is not null) as city_labels,
                           array_agg(n order by n desc, label) filter (where not by_department and label is not null) as city_counts
                    from (select grouping(department) = 0 as by_department, coalesce(department, city) as label, count(*) as n
                          from m group by grouping sets ((department), (city))) g
                ) f
                order by page.relevance desc, page.name_words, page.member_id"""
                .formatted(LOCATION_SHOWN, parts.availability(), OTHER_DEPARTMENT, parts.join(), relevance, where,
                        CONNECTION_COLUMNS, CONNECTION_JOIN, pageColumns());
    }

    /** What the rows of a search have in common: the page's statement and its facets select from them. */
    private record Parts(Params params, String join, String where, String availability, List<String> q) {
    }

    private Parts parts(long viewerId, long[] blocked, SearchCriteria criteria) {
        Params params = new Params();
        params.put("viewer", viewerId);
        StringBuilder where = new StringBuilder("p.member_id <> :viewer");
        if (blocked.length > 0) {
            params.put("blocked", blocked);
            where.append(" and p.member_id <> all(cast(:blocked as bigint[]))");
        }
        List<String> q = bind(params, "q", criteria.qWords());
        // Words of q that are a trade's term ("DP", "boom op") stand for every name of those roles,
        // matched as whole words in the role or the headline; the other words start a word of the
        // name, username or headline, or of the location where its owner shows it ("DP Berlin").
        List<TradeThesaurus.Match> terms = thesaurus.find(criteria.qWords());
        boolean[] covered = new boolean[q.size()];
        for (int k = 0; k < terms.size(); k++) {
            TradeThesaurus.Match term = terms.get(k);
            java.util.Arrays.fill(covered, term.start(), term.end(), true);
            String names = anyPhrase(params, "t" + k + "_", term.phrases());
            where.append("\n  and (").append(fullText("p.role_fts", names)).append(" or ").append(fullText("p.text_fts", names))
                    .append(exactly("p.role_words", bind(params, "x" + k + "_", term.exactRoles()))).append(")");
        }
        for (int i = 0; i < q.size(); i++) {
            if (covered[i]) {
                continue;
            }
            String w = q.get(i);
            where.append("\n  and (p.text_words like '% ' || ").append(w).append(" || '%'");
            if (criteria.qWords().get(i).codePointCount(0, criteria.qWords().get(i).length()) >= FUZZY_MIN_LENGTH) {
                where.append(" or p.name_text %> ").append(w);
            }
            where.append(" or (p.location_words like '% ' || ").append(w).append(" || '%' and ").append(LOCATION_SHOWN).append("))");
        }
        List<TradeThesaurus.Entry> roles = criteria.role().isEmpty() ? List.of() : thesaurus.entriesOf(criteria.role());
        if (!roles.isEmpty()) {
            // The role asked for is a trade's term: any name of those roles, as whole words.
            where.append("\n  and (").append(fullText("p.role_fts", anyPhrase(params, "rt", thesaurus.expansion(criteria.role(), roles))))
                    .append(exactly("p.role_words", bind(params, "rx", thesaurus.exactRoles(criteria.role(), roles)))).append(")");
        } else {
            for (String w : bind(params, "r", criteria.roleWords())) {
                where.append("\n  and p.role_words like '% ' || ").append(w).append(" || '%'");
            }
        }
        for (String w : bind(params, "l", criteria.locationWords())) {
            where.append("\n  and p.location_words like '% ' || ").append(w).append(" || '%'");
        }
        if (!criteria.locationWords().isEmpty()) {
            // A location its owner hides from this viewer must not be findable either (issue 23).
            where.append("\n  and ").append(LOCATION_SHOWN);
        }
        if (!criteria.department().isEmpty()) {
            // A department's facet: a role that is one of its names (V44, from search/trades.tsv);
            // "Other" is every role that is none of them.
            params.put("department", criteria.department());
            where.append(OTHER_DEPARTMENT.equals(criteria.department()) ? "\n  and p.department is null"
                    : "\n  and p.department = :department");
        }
        if (!criteria.workedOnWords().isEmpty()) {
            // Credited on a production whose title matches like q does (a word starts a title word,
            // or a long word is close to one): the credits module's documented view (V25).
            where.append("\n  and p.member_id in (select w.member_id from member_production w where true");
            List<String> titleWords = criteria.workedOnWords();
            for (int i = 0; i < titleWords.size(); i++) {
                String w = bind(params, "w" + i, titleWords.get(i), "mp_title_key");
                where.append(" and (w.title_words like '% ' || ").append(w).append(" || '%'");
                if (titleWords.get(i).codePointCount(0, titleWords.get(i).length()) >= FUZZY_MIN_LENGTH) {
                    where.append(" or w.title_words %> ").append(w);
                }
                where.append(")");
            }
            where.append(")");
        }
        String availability = "null";
        String join = "";
        if (criteria.period() != null) {
            // The availability module's documented search functions (V53): a row with the answer
            // only for members available for the period (or partly) who let the viewer know, so the
            // others never appear; both inlined by the planner. With words, a role, a place or a
            // production, the few candidates each read their calendar by primary key
            // (mp_available_to). Without (the period alone, or with a department), every member
            // would be a candidate: the members available come from one pass over the calendars
            // (mp_available_members) instead of a probe of each member's ranges (600 ms at 100,000
            // members; docs/benchmarks.md). Joined on member_id for a few candidates too, the
            // planner misjudged how many calendars pass the visibility test and read them all first.
            params.put("availableFrom", criteria.period().first());
            params.put("availableTo", criteria.period().last());
            params.put("withPartly", criteria.partly());
            boolean fewCandidates = !q.isEmpty() || !criteria.role().isEmpty() || !criteria.locationWords().isEmpty()
                    || !criteria.workedOnWords().isEmpty();
            join = fewCandidates
                    ? "\ncross join lateral mp_available_to(p.member_id, :viewer, cast(:availableFrom as date),"
                            + " cast(:availableTo as date), :withPartly) av"
                    : "\njoin mp_available_members(:viewer, cast(:availableFrom as date), cast(:availableTo as date),"
                            + " :withPartly) av on av.member_id = p.member_id";
            availability = "av.answer";
        }
        return new Parts(params, join, where.toString(), availability, q);
    }

    /** The facets' department for roles that are none of the trades' names. */
    static final String OTHER_DEPARTMENT = "Other";

    /** The most cities a facet lists. */
    static final int CITIES = 12;

    /** One count of a facet: {@code kind} is {@code department} or {@code city}. */
    record FacetCount(String kind, String label, long count) {
    }

    /** " or {@code column} is exactly one of {@code names}" (padded with spaces like the column); nothing without names. */
    private static String exactly(String column, List<String> names) {
        return names.isEmpty() ? "" : names.stream().map(n -> "' ' || " + n + " || ' '")
                .collect(java.util.stream.Collectors.joining(", ", " or " + column + " = any(array[", "])"));
    }

    /**
     * One full-text query that matches any of {@code phrases} as consecutive whole words: each
     * normalised like the columns and made a phrase query, ORed together (V43's GIN indexes). Bound
     * as one ready query, made by PostgreSQL once per list of phrases and kept ({@link #phraseQueries}).
     */
    private String anyPhrase(Map<String, Object> params, String prefix, List<String> phrases) {
        params.put(prefix, phraseQueries.get(List.copyOf(phrases), this::phraseQuery));
        return "cast(:" + prefix + " as tsquery)";
    }

    /**
     * The full-text queries of the trades' names, as PostgreSQL makes them. A role such as "editor"
     * stands for a dozen names; folding a dozen {@code phraseto_tsquery(mp_search_words(…))} into
     * constants was half of the search statement's planning, on every search (docs/benchmarks.md).
     * Both functions are immutable, so the query made once is the query the statement would make.
     * The lists come from the thesaurus: a few hundred at most.
     */
    private final com.github.benmanes.caffeine.cache.Cache<List<String>, String> phraseQueries =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    private String phraseQuery(List<String> phrases) {
        Map<String, Object> params = new LinkedHashMap<>();
        String query = IntStream.range(0, phrases.size()).mapToObj(i -> {
            params.put("p" + i, phrases.get(i));
            return "phraseto_tsquery('simple', mp_search_words(:p" + i + "))";
        }).collect(java.util.stream.Collectors.joining(" || ", "select cast((", ") as text)"));
        return jdbc.sql(query).params(params).query(String.class).single();
    }

    /** The stored vector {@code column} (V43) matches the full-text {@code query}. */
    private static String fullText(String column, String query) {
        return column + " @@ " + query;
    }

    /**
     * Binds each word (or phrase) as a parameter and returns its normalised SQL form. A word that
     * normalises to nothing becomes NULL, which matches nothing (never "LIKE '% %'", everything).
     */
    private static List<String> bind(Params params, String prefix, List<String> words) {
        return IntStream.range(0, words.size()).mapToObj(i -> bind(params, prefix + i, words.get(i), "mp_search_words")).toList();
    }

    /**
     * Binds {@code text} as the parameter {@code name} and returns its normalised SQL form: the
     * normalised text itself when {@link #key} is sure of it, else {@code function(:name)} (marking
     * the statement for a custom plan), NULL when that normalises to nothing.
     */
    private static String bind(Params params, String name, String text, String function) {
        String key = key(text);
        if (key != null) {
            params.put(name, key);
            return "cast(:" + name + " as text)";
        }
        params.put(name, text);
        params.customPlan = true;
        return "nullif(" + function + "(:" + name + "), '')";
    }

    /** Words of ASCII letters and digits, one space apart: all that {@link #key} normalises itself. */
    private static final java.util.regex.Pattern PLAIN_WORDS = java.util.regex.Pattern.compile("[A-Za-z0-9]+(?: [A-Za-z0-9]+)*");

    /**
     * What {@code mp_search_words} (V9: unaccented, lower case, punctuation and spaces as one space,
     * trimmed) and {@code mp_title_key} (V25: the same without apostrophes) make of {@code text},
     * where that is certain without asking PostgreSQL: for words of ASCII letters and digits one
     * space apart, their lower case. Null for any other text, and for a capital I (see below).
     * SearchIntegrationTests checks it against both functions.
     */
    static String key(String text) {
        // Not a capital I: a database with a Turkish LC_CTYPE lower-cases it to a dotless ı.
        return text != null && text.indexOf('I') < 0 && PLAIN_WORDS.matcher(text).matches()
                ? text.toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static String relevance(List<String> q, String phrase) {
        String username = "p.username_words";
        String nameAndUsername = "p.name_text";
        StringBuilder inName = new StringBuilder();
        StringBuilder anywhere = new StringBuilder();
        for (String w : q) {
            inName.append(inName.isEmpty() ? "" : " and ").append(nameAndUsername).append(" like '% ' || ").append(w).append(" || '%'");
            anywhere.append(anywhere.isEmpty() ? "" : " and ").append("p.text_words like '% ' || ").append(w).append(" || '%'");
        }
        return """
                (case
                    when p.name_words = %1$s or %2$s = %1$s then 5
                    when starts_with(p.name_words, %1$s) or starts_with(%2$s, %1$s) then 4
                    when %3$s then 3
                    when %4$s then 2
                    else 1
                 end) * 1000
                 + (case when p.name_text like '%% ' || nullif(%1$s, '') || ' %%' then 1000
                         else round(word_similarity(%1$s, p.name_text) * 1000)::int end)"""
                .formatted(phrase, username, inName, anywhere);
    }
}
