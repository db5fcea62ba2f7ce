package com.moviepeople.demo;

import com.moviepeople.shared.FilmRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --moviepeople.generate.members=N --moviepeople.generate.password=SECRET}: fills an EMPTY
 * database with a synthetic film community (gen1…genN) for benchmarks, then exits with status 0.
 *
 * <p>A tool, not a feature: for speed it writes every module's tables directly with set-based SQL
 * ({@code generate_series}, one statement per table), which the modules themselves never do to each
 * other. The password is hashed once and shared. Shapes per member: a realistic role and city, ~50
 * connections with a power-law degree distribution (a few hubs with thousands), 2 portfolio items,
 * 10 posts with ~3 comments each and ~50 messages, spread over two years; and one production per
 * 5 members with 5–40 credited members each (crews of id neighbours and of the creator's
 * connections, so ~2.4 credits per member, 0–~8), ~40% of credits confirmed by 1–5 colleagues.
 * Availability: 10–30 date ranges per member (~20) from 2 months back to 3 years ahead of the
 * database's {@code current_date}, mostly 2–30 days long with free days between them (~50%
 * available, ~20% on hold, ~30% booked, most holds and bookings with a note), and a visibility
 * setting for ~40% of members (~30% everyone, ~10% nobody; the others keep the default,
 * connections).
 */
@Component
@Order(Integer.MIN_VALUE)
class SyntheticCommunityGenerator implements ApplicationRunner {

    static final String MEMBERS = "moviepeople.generate.members";
    private static final Logger log = LoggerFactory.getLogger(SyntheticCommunityGenerator.class);

    /** Film cities with rough weights (how many crews work there). */
    static final Map<String, Integer> CITIES = Map.ofEntries(
            Map.entry("Los Angeles, USA", 14), Map.entry("London, UK", 10), Map.entry("Berlin, Germany", 8),
            Map.entry("Paris, France", 8), Map.entry("Mumbai, India", 8), Map.entry("New York, USA", 8),
            Map.entry("Toronto, Canada", 5), Map.entry("Vancouver, Canada", 4), Map.entry("Madrid, Spain", 4),
            Map.entry("Rome, Italy", 4), Map.entry("Lisbon, Portugal", 3), Map.entry("Seoul, South Korea", 5),
            Map.entry("Tokyo, Japan", 4), Map.entry("Lagos, Nigeria", 4), Map.entry("Mexico City, Mexico", 4),
            Map.entry("Budapest, Hungary", 3), Map.entry("Prague, Czechia", 3), Map.entry("Sydney, Australia", 3),
            Map.entry("Cape Town, South Africa", 3), Map.entry("Copenhagen, Denmark", 2), Map.entry("Kraków, Poland", 2),
            Map.entry("São Paulo, Brazil", 3), Map.entry("Buenos Aires, Argentina", 2), Map.entry("Istanbul, Türkiye", 2));

    private static final String[] FIRST = {"Anna", "Ben", "Chloé", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Idris",
            "Julia", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor",
            "Wen", "Ximena", "Yusuf", "Zoë", "Agnieszka", "Björn", "Céline", "Diego", "Émile", "Fatou", "Giulia", "Haruto",
            "Inès", "Jonas", "Kateřina", "Lucía", "Mads", "Noémie", "Oskar", "Priya", "Raúl", "Sofía", "Tomás", "Ulla"};
    private static final String[] LAST = {"Kowalska", "Lumière", "Okafor", "Herrera", "Halvorsen", "Watanabe", "Müller",
            "García", "Rossi", "Dubois", "Nowak", "Silva", "Kim", "Singh", "Novak", "Jensen", "Moreau", "Fischer",
            "Costa", "Sato", "Adeyemi", "Petrov", "Andersson", "Haddad", "Martínez", "O'Brien", "Schmidt", "Bianchi",
            "Lefèvre", "Nakamura", "Mensah", "Horvath", "Kaya", "Ivanova", "Larsen", "Ferreira", "Yilmaz", "Park"};

    /** Production kinds, weighted towards shorts and features (crew sizes per kind: {@link #CREW_SIZE}). */
    static final String[] KINDS = {"short", "short", "short", "short", "short", "short", "short",
            "feature", "feature", "feature", "feature", "feature", "commercial", "commercial",
            "music-video", "music-video", "documentary", "documentary", "series", "other"};
    // Words of generated titles: "The Silent Harbour", "Nights of Kraków", "The Weight of Water",
    // "A Song for Lena", "Lisbon Nocturne", "Borrowed Voices", "After the Flood" (about 4,000 in all).
    private static final String[] TITLE_ADJECTIVES = {"Silent", "Last", "Burning", "Hidden", "Quiet", "Broken",
            "Golden", "Distant", "Crimson", "Northern", "Paper", "Glass", "Wild", "Lonely", "Electric", "Frozen",
            "Restless", "Velvet", "Salt", "Midnight", "Bright", "Second", "Open", "Long", "Secret", "Empty",
            "Borrowed", "Forgotten", "Falling", "Little"};
    private static final String[] TITLE_NOUNS = {"Harbour", "Ferry", "Summer", "Garden", "River", "Border", "Mirror",
            "Orchard", "Lighthouse", "Station", "Winter", "Kingdom", "Signal", "Archive", "Horizon", "Tide",
            "Stranger", "Season", "Promise", "Witness", "Frontier", "Dance", "Balcony", "Song", "Island", "Flood",
            "Letter", "Road", "Crossing", "Hour"};
    private static final String[] TITLE_PLURALS = {"Nights", "Songs", "Letters", "Ghosts", "Roads", "Lights",
            "Echoes", "Streets", "Days", "Stories", "Rivers", "Dreams", "Saints", "Birds", "Strangers", "Children",
            "Voices", "Windows", "Bridges", "Summers"};
    private static final String[] TITLE_ESSENCES = {"Weight", "Colour", "Sound", "Edge", "Shape", "Taste", "End",
            "Language", "Geometry", "Architecture", "Anatomy", "Memory", "Price", "Grammar", "Music"};
    private static final String[] TITLE_ELEMENTS = {"Water", "Light", "Silence", "Dust", "Time", "Salt", "Distance",
            "Rain", "Smoke", "Iron", "Home", "Wolves", "Tomorrow", "Snow", "Fire"};
    private static final String[] TITLE_CODAS = {"Nocturne", "Blues", "Diaries", "Express", "Stories", "Calling",
            "Confidential", "Requiem", "Minute", "Rhapsody"};
    private static final String[] TITLE_PREPOSITIONS = {"After the", "Before the", "Beyond the"};
    /** What a booked or held range is for, in its note: "Feature shoot — Silent Harbour". */
    private static final String[] ENGAGEMENTS = {"Feature shoot", "Feature shoot", "Series block", "Commercial",
            "Commercial", "Music video", "Documentary shoot", "Short film", "Prep", "Pick-ups", "Second unit",
            "Post-production"};

    /**
     * How many members a production is meant to credit, from its kind and id: shorts, commercials
     * and music videos 5–15 (5–12), documentaries and others 5–20, features 12–40, series 15–40,
     * the small end more often; about 13 on average. The part drawn from connections may fall a
     * little short, so ~2.4 credits per member at one production per 5.
     */
    private static final String CREW_SIZE = """
            (case p.kind when 'feature' then 12 when 'series' then 15 else 5 end
             + floor((case p.kind when 'feature' then 29 when 'series' then 26 when 'short' then 11 when 'commercial' then 11
                                  when 'music-video' then 8 else 16 end)
                     * power((hashint8(p.id * 131) & 2147483647) / 2147483648.0, 2))::int)""";
    /** Of which the id neighbourhood of its creator: half, at least 5 (at most all members). */
    private static final String BLOCK_SIZE = "least(greatest(5, ceil(" + CREW_SIZE + " * 0.5)::int), :n)";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    SyntheticCommunityGenerator(JdbcClient jdbc, PasswordEncoder passwordEncoder, Environment environment,
                                ConfigurableApplicationContext context) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer members = environment.getProperty(MEMBERS, Integer.class);
        if (members == null) {
            return;
        }
        String password = environment.getProperty("moviepeople.generate.password");
        int status = 0;
        try {
            Summary summary = generate(members, password);
            System.out.println(summary.text());
        } catch (GeneratorRefused e) {
            System.err.println("moviepeople.generate: " + e.getMessage());
            status = 2;
        }
        int exitCode = status;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    static final class GeneratorRefused extends RuntimeException {
        GeneratorRefused(String message) {
            super(message);
        }
    }

    record Summary(int members, long connections, long portfolioItems, long posts, long comments, long messages,
                   long productions, long credits, long confirmations,
                   long availabilityRanges, long availabilitySettings,
                   String mostConnected, long mostConnectedDegree, long millis) {
        String text() {
            return """
                    Generated a synthetic community in %.1f s:
                      members:          %,d (gen1 … gen%d)
                      connections:      %,d
                      portfolio items:  %,d
                      posts:            %,d
                      comments:         %,d
                      messages:         %,d
                      productions:      %,d
                      credits:          %,d (%.1f per member)
                      confirmations:    %,d
                      availability:     %,d ranges (%.1f per member)
                      visibility set:   %,d members (the others: connections)
                    most-connected: %s (%,d connections)""".formatted(millis / 1000.0, members, members, connections,
                    portfolioItems, posts, comments, messages, productions, credits, (double) credits / members,
                    confirmations, availabilityRanges, (double) availabilityRanges / members, availabilitySettings,
                    mostConnected, mostConnectedDegree);
        }
    }

    Summary generate(int members, String password) {
        if (members < 1 || members > 5_000_000) {
            throw new GeneratorRefused("moviepeople.generate.members must be between 1 and 5,000,000");
        }
        if (password == null || password.length() < 10) {
            throw new GeneratorRefused("set moviepeople.generate.password to at least 10 characters");
        }
        long existing = jdbc.sql("select count(*) from member").query(Long.class).single();
        if (existing > 0) {
            throw new GeneratorRefused("the database is not empty (" + existing + " members); generate only into an empty database");
        }
        long start = System.currentTimeMillis();
        String hash = passwordEncoder.encode(password);
        step("members", () -> insertMembers(members, hash));
        step("profiles", this::insertProfiles);
        step("portfolio items", this::insertPortfolio);
        step("connections", () -> insertConnections(members));
        step("posts", this::insertPosts);
        step("comments", this::insertComments);
        step("messages", this::insertMessages);
        // The search module's projection, as its migration fills it for existing members.
        step("search index", () -> jdbc.sql("""
                insert into search_person (member_id, username, display_name, headline, role, location)
                select m.id, m.username, m.display_name, p.headline, p.role, p.location
                from member m left join profile p on p.member_id = m.id
                on conflict (member_id) do nothing""").update());
        // The feed module's copy of the network, as its listener keeps it for accepted connections.
        step("feed network", () -> jdbc.sql("""
                insert into feed_network (member_id, author_id)
                select requester_id, receiver_id from connection where status = 'ACCEPTED'
                union all
                select receiver_id, requester_id from connection where status = 'ACCEPTED'
                on conflict do nothing""").update());
        // Credits pick crews among connections: the planner needs the network's statistics first.
        step("analyze network", () -> jdbc.sql("analyze member, profile, connection").update());
        MostConnected most = mostConnected();
        step("productions", () -> insertProductions(members));
        step("credits", () -> insertCredits(members, most.id()));
        step("confirmations", this::insertConfirmations);
        step("availability", this::insertAvailability);
        step("availability settings", this::insertAvailabilitySettings);
        step("analyze availability", () -> jdbc.sql("analyze availability_range, availability_setting").update());
        step("crew calls", () -> insertCalls(members));
        step("applications", this::insertApplications);
        step("vacuum analyze", () -> jdbc.sql("vacuum analyze").update());
        return new Summary(members, count("connection where status = 'ACCEPTED'"), count("portfolio_item"),
                count("post"), count("comment"), count("message"),
                count("production"), count("credit"), count("credit_confirmation"),
                count("availability_range"), count("availability_setting"),
                most.username(), most.degree(), System.currentTimeMillis() - start);
    }

    private record MostConnected(long id, String username, long degree) {
    }

    private MostConnected mostConnected() {
        return jdbc.sql("""
                        select m.id, m.username::text as username, d.degree from (
                            select member, count(*) as degree from (
                                select requester_id as member from connection where status = 'ACCEPTED'
                                union all select receiver_id from connection where status = 'ACCEPTED') e
                            group by member order by degree desc, member limit 1) d
                        join member m on m.id = d.member""")
                .query((rs, n) -> new MostConnected(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional()
                .orElse(new MostConnected(0, "none", 0));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }


    private void step(String name, Runnable work) {
        long t0 = System.currentTimeMillis();
        work.run();
        log.info("generated {} in {} ms", name, System.currentTimeMillis() - t0);
    }

    private void insertMembers(int members, String hash) {
        jdbc.sql("""
                        insert into member(username, email, password_hash, display_name, email_verified_at, created_at)
                        select 'gen' || i, 'gen' || i || '@generated.moviepeople.example', :hash,
                               (:first::text[])[1 + (hashint4(i) & 2147483647) % cardinality(:first::text[])] || ' ' ||
                               (:last::text[])[1 + (hashint4(i * 7919) & 2147483647) % cardinality(:last::text[])],
                               now(), now() - interval '60 days' - (random() * interval '670 days')
                        from generate_series(1, :n) i""")
                .param("hash", hash).param("first", FIRST).param("last", LAST).param("n", members).update();
    }

    private void insertProfiles() {
        List<String> roles = FilmRoles.ALL;
        List<String> cities = new ArrayList<>();
        CITIES.forEach((city, weight) -> {
            for (int i = 0; i < weight; i++) {
                cities.add(city);
            }
        });
        jdbc.sql("""
                        insert into profile(member_id, headline, role, location, updated_at)
                        select id, role || ' — ' || (array['features', 'documentaries', 'commercials', 'series', 'music videos', 'shorts'])[1 + id % 6],
                               role, (:cities::text[])[1 + (hashint4(id::int * 31) & 2147483647) % cardinality(:cities::text[])], created_at
                        from (select id, created_at,
                                     (:roles::text[])[1 + floor(cardinality(:roles::text[]) * power(random(), 1.6))::int] as role
                              from member) m""")
                .param("cities", cities.toArray(String[]::new)).param("roles", roles.toArray(String[]::new)).update();
    }

    private void insertPortfolio() {
        jdbc.sql("""
                        insert into portfolio_item(owner_id, title, description, media_url, media_kind, year, credit_role, created_at)
                        select m.id, (array['Night Shift', 'The Last Ferry', 'Salt', 'Paper Moons', 'Northbound', 'Glass House',
                                             'Second Unit', 'Echoes of June', 'Harbour Lights', 'Wild Honey'])[1 + (m.id * 3 + k) % 10]
                                      || ' (' || (2010 + (m.id + k) % 16) || ')',
                               'A ' || (array['short film', 'feature', 'commercial', 'music video', 'documentary'])[1 + (m.id + k) % 5]
                                      || ' I worked on.',
                               case when k = 1 then 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' else 'https://vimeo.com/1084537' end,
                               case when k = 1 then 'YOUTUBE' else 'VIMEO' end,
                               2010 + (m.id + k) % 16, p.role, m.created_at + (k * interval '25 days')
                        from member m join profile p on p.member_id = m.id cross join generate_series(1, 2) k""")
                .update();
    }

    /** 10 text posts per member over two years, plus the automatic post of each portfolio item. */
    private void insertPosts() {
        jdbc.sql("""
                        insert into post(author_id, kind, body, created_at)
                        select m.id, 'TEXT',
                               (array['Wrapped day ', 'Looking for a gaffer in ', 'Our short screens at ', 'Colour session for ',
                                      'Casting call: ', 'Behind the scenes of '])[1 + (m.id + k) % 6] || 'project ' || (m.id * 10 + k)
                                      || '. Thanks to the whole crew!',
                               now() - (random() * interval '730 days')
                        from member m cross join generate_series(1, 10) k""").update();
        jdbc.sql("""
                        insert into post(author_id, kind, portfolio_item_id, item_title, media_kind, media_url, media_embed_url,
                                         media_thumbnail_url, media_host, created_at)
                        select owner_id, 'PORTFOLIO', id, title, media_kind, media_url,
                               case media_kind when 'YOUTUBE' then 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'
                                               else 'https://player.vimeo.com/video/1084537' end,
                               case media_kind when 'YOUTUBE' then 'https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg' end,
                               case media_kind when 'YOUTUBE' then 'youtube.com' else 'vimeo.com' end,
                               created_at
                        from portfolio_item""").update();
    }

    /** About 3 comments per text post (0–6), by random members, after the post. */
    private void insertComments() {
        jdbc.sql("""
                        insert into comment(post_id, author_id, body, created_at)
                        select p.id, 1 + floor(random() * :n)::bigint,
                               (array['Congratulations!', 'Great work, team.', 'Count me in for the next one.',
                                      'Who did the sound on this?', 'Beautiful light.'])[1 + (p.id + c) % 5],
                               p.created_at + c * interval '37 minutes'
                        from post p cross join lateral generate_series(1, (hashint8(p.id) & 7)::int % 7) c
                        where p.kind = 'TEXT'""").param("n", count("member")).update();
    }

    /**
     * About 50 messages per member: conversations between about one in ten accepted connections,
     * 20 messages each, alternating senders, older ones read. Inserted in time order so that ids
     * follow time within a conversation, as the messaging module's own sends do.
     */
    private void insertMessages() {
        jdbc.sql("""
                        insert into message(sender_id, recipient_id, body, sent_at, read_at)
                        select case when k % 2 = 0 then a else b end, case when k % 2 = 0 then b else a end,
                               (array['Are you free next week for a shoot?', 'Yes! Send me the call sheet.',
                                      'Budget is tight but the script is great.', 'Let us talk tomorrow.',
                                      'Loved your reel.', 'Thanks, see you on set.'])[1 + k % 6],
                               start + k * interval '2 hours',
                               case when k < 19 then start + k * interval '2 hours' + interval '10 minutes' end
                        from (select least(requester_id, receiver_id) as a, greatest(requester_id, receiver_id) as b,
                                     now() - interval '60 days' - (random() * interval '660 days') as start
                              from connection where status = 'ACCEPTED' and random() < 0.105) pairs
                        cross join generate_series(0, 19) k
                        order by start, a, b, k""").update();
        jdbc.sql("""
                        insert into conversation(member_a, member_b, last_message_id)
                        select least(sender_id, recipient_id), greatest(sender_id, recipient_id), max(id)
                        from message group by 1, 2""").update();
    }

    /**
     * One production per 5 members, each created by member 1, 6, 11, … (give or take 4; gen1
     * creates one): a title from word lists, made unique with " 2", " 3" … for the same title and
     * year, a year 2005–2026, a kind (mostly shorts and features), an IMDb link for 3 in 10,
     * created between its creator's sign-up and now. Inserted in time order, so ids follow time.
     */
    private void insertProductions(int members) {
        if (members < 5) {
            return;
        }
        List<String> places = CITIES.keySet().stream().map(city -> city.substring(0, city.indexOf(','))).sorted().toList();
        jdbc.sql("""
                        insert into production(title, year, kind, link, created_by, created_at)
                        select case when same = 1 then base else base || ' ' || same end, year, kind, link, creator, created_at
                        from (
                            select t.*, row_number() over (partition by mp_title_key(base), year order by p) as same
                            from (
                                select p, creator, 2005 + (hashint4(p * 13) & 2147483647) % 22 as year,
                                       (:kinds::text[])[1 + (hashint4(p * 17) & 2147483647) % cardinality(:kinds::text[])] as kind,
                                       case when (hashint4(p * 19) & 2147483647) % 10 < 3
                                            then 'https://www.imdb.com/title/tt' || (1000000 + (hashint4(p * 23) & 2147483647) % 9000000) || '/'
                                       end as link,
                                       m.created_at + random() * (now() - m.created_at) as created_at,
                                       case (hashint4(p * 29) & 2147483647) % 10
                                           when 0 then (:plurals::text[])[1 + w1 % cardinality(:plurals::text[])] || ' of '
                                                       || (:places::text[])[1 + w2 % cardinality(:places::text[])]
                                           when 1 then 'The ' || (:essences::text[])[1 + w1 % cardinality(:essences::text[])] || ' of '
                                                       || (:elements::text[])[1 + w2 % cardinality(:elements::text[])]
                                           when 2 then 'A ' || (:nouns::text[])[1 + w1 % cardinality(:nouns::text[])] || ' for '
                                                       || (:first::text[])[1 + w2 % cardinality(:first::text[])]
                                           when 3 then (:places::text[])[1 + w1 % cardinality(:places::text[])] || ' '
                                                       || (:codas::text[])[1 + w2 % cardinality(:codas::text[])]
                                           when 4 then (:adjectives::text[])[1 + w1 % cardinality(:adjectives::text[])] || ' '
                                                       || (:plurals::text[])[1 + w2 % cardinality(:plurals::text[])]
                                           when 5 then (:prepositions::text[])[1 + w1 % cardinality(:prepositions::text[])] || ' '
                                                       || (:nouns::text[])[1 + w2 % cardinality(:nouns::text[])]
                                           else 'The ' || (:adjectives::text[])[1 + w1 % cardinality(:adjectives::text[])] || ' '
                                                || (:nouns::text[])[1 + w2 % cardinality(:nouns::text[])]
                                       end as base
                                from (select p, least(:n, 1 + (p - 1) * 5 + case when p = 1 then 0 else (hashint4(p * 11) & 2147483647) % 5 end) as creator,
                                             hashint4(p * 31) & 2147483647 as w1, hashint4(p * 37) & 2147483647 as w2
                                      from generate_series(1, (:n + 4) / 5) p) ps
                                join member m on m.id = ps.creator
                            ) t
                        ) titled
                        order by created_at""")
                .param("n", members).param("kinds", KINDS).param("places", places.toArray(String[]::new))
                .param("adjectives", TITLE_ADJECTIVES).param("nouns", TITLE_NOUNS).param("plurals", TITLE_PLURALS)
                .param("essences", TITLE_ESSENCES).param("elements", TITLE_ELEMENTS).param("codas", TITLE_CODAS)
                .param("prepositions", TITLE_PREPOSITIONS).param("first", FIRST).update();
    }

    /**
     * Each production's crew ({@link #CREW_SIZE}): its creator (as director, or producer of a
     * series or other) and half of the crew, at least 5, from the 2× wider id neighbourhood after
     * the creator; the rest from the creator's accepted connections, at most 3 such credits per
     * member (so hubs do not collect hundreds; the most-connected member first, so that they hold
     * some). Two statements, one per part. Roles: mostly the member's profile role, else any of
     * {@link FilmRoles#ALL}, with its department; a note for some ("Episode 3", "2nd unit").
     */
    private void insertCredits(int members, long mostConnected) {
        String[] roles = FilmRoles.ALL.toArray(String[]::new);
        String[] departments = FilmRoles.ALL.stream().map(FilmRoles::departmentOf).toArray(String[]::new);
        String insert = """
                insert into credit(production_id, member_id, role, department, note, created_at)
                select production_id, member_id, role,
                       coalesce((:departments::text[])[array_position(:roles::text[], role)], 'Other'), note, created_at
                from (
                    select c.production_id, c.member_id,
                           case when c.creator then case when c.kind in ('series', 'other') then 'Producer' else 'Director' end
                                when pr.role is not null and (hashint8(c.production_id * 41 + c.member_id) & 2147483647) % 10 < 7 then pr.role
                                else (:roles::text[])[1 + (hashint8(c.production_id * 43 + c.member_id) & 2147483647) % cardinality(:roles::text[])]
                           end as role,
                           case when c.kind = 'series' and (hashint8(c.production_id * 47 + c.member_id) & 2147483647) % 10 < 4
                                    then 'Episode ' || (1 + (hashint8(c.production_id * 53 + c.member_id) & 2147483647) % 8)
                                when c.kind = 'feature' and (hashint8(c.production_id * 47 + c.member_id) & 2147483647) % 15 = 0
                                    then '2nd unit'
                           end as note,
                           least(now(), greatest(c.created_at, m.created_at) + random() * interval '30 days') as created_at
                    from ({crew}) c
                    join member m on m.id = c.member_id
                    left join profile pr on pr.member_id = c.member_id
                ) credited
                on conflict do nothing""";
        // The creator and the rest of the id neighbourhood: j = 0 is the creator, then a random half of the window.
        jdbc.sql(insert.replace("{crew}", """
                        select id as production_id, kind, created_at, 1 + (created_by - 1 + j) % :n as member_id, j = 0 as creator
                        from (
                            select p.id, p.kind, p.created_at, p.created_by, j, block,
                                   row_number() over (partition by p.id order by j > 0, hashint8(p.id * 64 + j)) as pick
                            from (select p.*, {block} as block from production p) p
                            cross join lateral generate_series(0, least(2 * p.block, :n) - 1) j
                        ) w
                        where pick <= block""".replace("{block}", BLOCK_SIZE)))
                .param("n", members).param("roles", roles).param("departments", departments).update();
        // The rest of the crew among the creator's connections not yet credited: a random few (the
        // most-connected member first) twice as many as needed, at most 3 per member over all
        // productions, then as many as needed.
        jdbc.sql(insert.replace("{crew}", """
                        select id as production_id, kind, created_at, friend as member_id, false as creator
                        from (
                            select capped.*, row_number() over (partition by id order by nth) as rank
                            from (
                                select candidate.*,
                                       row_number() over (partition by friend order by hashint8(id * 7 + friend)) as nth_for_member
                                from (
                                    select p.id, p.kind, p.created_at, p.extra, f.friend,
                                           row_number() over (partition by p.id order by f.friend = :hub desc,
                                                                          hashint8(p.id * 1000003 + f.friend)) as nth
                                    from (select p.*, {size} - {block} as extra from production p) p
                                    cross join lateral (
                                        select receiver_id as friend from connection where requester_id = p.created_by and status = 'ACCEPTED'
                                        union all
                                        select requester_id from connection where receiver_id = p.created_by and status = 'ACCEPTED') f
                                    where p.extra > 0
                                      and not exists (select 1 from credit x where x.production_id = p.id and x.member_id = f.friend)
                                ) candidate
                                where nth <= 2 * extra
                            ) capped
                            where nth_for_member <= 3
                        ) chosen
                        where rank <= extra""".replace("{size}", CREW_SIZE).replace("{block}", BLOCK_SIZE)))
                .param("n", members).param("hub", mostConnected).param("roles", roles).param("departments", departments).update();
    }

    /**
     * About 40% of credits confirmed by 1–5 colleagues (other members credited on the same
     * production), after both credits existed; 1 in 20 hidden by the credit's owner.
     */
    private void insertConfirmations() {
        jdbc.sql("analyze production, credit").update();
        jdbc.sql("""
                        insert into credit_confirmation(credit_id, credit_owner_id, production_id, confirmer_id, hidden, created_at)
                        select c.id, c.member_id, c.production_id, o.member_id,
                               (hashint8(c.id * 59 + o.member_id) & 2147483647) % 20 = 0,
                               least(now(), greatest(c.created_at, o.created_at) + random() * interval '60 days')
                        from credit c
                        cross join lateral (
                            select o.member_id, min(o.created_at) as created_at
                            from credit o
                            where o.production_id = c.production_id and o.member_id <> c.member_id
                            group by o.member_id
                            order by hashint8(c.id * 1000003 + o.member_id)
                            limit 1 + (hashint8(c.id * 61) & 2147483647) % 5) o
                        where (hashint8(c.id * 67) & 2147483647) % 100 < 40
                        on conflict do nothing""").update();
    }

    /**
     * 10–30 ranges per member (~20), one statement. Each member's ranges are laid out in order
     * from {@code current_date} − 60 days: a length (2–30 days, the short end more often; 1 in 7
     * available ranges 31–90 days, "free all autumn"), then a gap of at least one free day before
     * the next; the spare days of the ~3-year window are shared out over the gaps by random
     * weights. Each range starts after the previous one's free day, so the exclusion constraint
     * can never fire. Status ~50% AVAILABLE, ~20% HOLD (rank 1 or 2), ~30% BOOKED; 5 in 6 holds
     * and bookings have a note. Everything is drawn from hashes of (member id, range number).
     * Members come in hashed order, not by id: in id order, where every insert widens the GiST keys
     * on its path to the root, the exclusion index made this step take ~90 s instead of ~60 s at
     * 100,000 members.
     */
    private void insertAvailability() {
        jdbc.sql("""
                        insert into availability_range(member_id, start_date, end_date, status, hold_rank, note)
                        select m.id, start_date, start_date + days - 1, status,
                               case when status = 'HOLD' then case when (hashint8extended(m.id * 32 + j, 5) & 2147483647) % 10 < 6
                                                                    then 1 else 2 end end,
                               case when status <> 'AVAILABLE' and (hashint8extended(m.id * 32 + j, 6) & 2147483647) % 6 <> 0
                                    then (:engagements::text[])[1 + (hashint8extended(m.id * 32 + j, 7) & 2147483647) % cardinality(:engagements::text[])]
                                         || ' — ' || (:adjectives::text[])[1 + (hashint8extended(m.id * 32 + j, 8) & 2147483647) % cardinality(:adjectives::text[])]
                                         || ' ' || (:nouns::text[])[1 + (hashint8extended(m.id * 32 + j, 9) & 2147483647) % cardinality(:nouns::text[])]
                               end
                        from (select id, 10 + (hashint8extended(id, 1) & 2147483647) % 21 as ranges,
                                     current_date - 60 as first_day,
                                     (current_date + interval '3 years')::date - (current_date - 60) as window_days
                              from member) m
                        cross join lateral (
                            -- range j starts after j free days, the ranges before it and its share of the spare days
                            select j, status, days,
                                   m.first_day + (j - 1 + days_before
                                                  + floor(weight_upto * greatest(0, m.window_days - total_days - m.ranges - 1)
                                                          / (total_weight + 50)))::int as start_date
                            from (
                                select j, status, days,
                                       sum(days) over (order by j) - days as days_before, sum(days) over () as total_days,
                                       sum(weight) over (order by j) as weight_upto, sum(weight) over () as total_weight
                                from (
                                    select j, status,
                                           case when status = 'AVAILABLE' and (hashint8extended(m.id * 32 + j, 3) & 2147483647) % 7 = 0
                                                then 31 + floor(60 * power((hashint8extended(m.id * 32 + j, 4) & 2147483647) / 2147483648.0::float8, 1.5))::int
                                                else 2 + floor(29 * power((hashint8extended(m.id * 32 + j, 4) & 2147483647) / 2147483648.0::float8, 1.6))::int
                                           end as days,
                                           1 + (hashint8extended(m.id * 32 + j, 10) & 2147483647) % 100 as weight
                                    from (select j, case when (hashint8extended(m.id * 32 + j, 2) & 2147483647) % 10 < 5 then 'AVAILABLE'
                                                         when (hashint8extended(m.id * 32 + j, 2) & 2147483647) % 10 < 7 then 'HOLD'
                                                         else 'BOOKED' end as status
                                          from generate_series(1, m.ranges::int) j) s
                                ) d
                            ) w
                        ) r
                        order by hashint8(m.id), m.id, start_date""")
                .param("engagements", ENGAGEMENTS).param("adjectives", TITLE_ADJECTIVES).param("nouns", TITLE_NOUNS)
                .update();
    }

    /**
     * One crew call per ~20 members, posted by random members over the last 90 days: roles from
     * the role list, the members' cities (10% remote), work within the next year, 80% paid (day
     * rates mostly, in EUR, GBP or USD) and 20% plainly unpaid; 85% still open, the rest filled or
     * cancelled. Deterministic per call number.
     */
    private void insertCalls(int members) {
        List<String> cities = new ArrayList<>(CITIES.keySet());
        jdbc.sql("""
                        insert into crew_call (poster_id, title, role, location, remote, start_date, end_date, pay_rate, pay_unit,
                                               currency, unpaid, deadline, description, status, created_at, closed_at)
                        select poster, role || ' for ' || (array['a feature', 'a short', 'a commercial', 'a music video', 'a series', 'a documentary'])[1 + k % 6],
                               role, case when remote then null else city end, remote,
                               start_date, start_date + len, case when unpaid then null else rate end,
                               case when unpaid then null else unit end, case when unpaid then null else currency end, unpaid,
                               least(start_date - 3, start_date + len), 'Generated call ' || k || ': ' || role || ', ' || len + 1 || ' days.',
                               status, created_at, case when status = 'OPEN' then null else created_at + interval '7 days' end
                        from (
                            select k, 1 + (hashint8extended(k, 21) & 2147483647) % :members as poster,
                                   (:roles::text[])[1 + (hashint8extended(k, 22) & 2147483647) % cardinality(:roles::text[])] as role,
                                   (:cities::text[])[1 + (hashint8extended(k, 23) & 2147483647) % cardinality(:cities::text[])] as city,
                                   (hashint8extended(k, 24) & 2147483647) % 10 = 0 as remote,
                                   current_date + 10 + ((hashint8extended(k, 25) & 2147483647) % 355)::int as start_date,
                                   ((hashint8extended(k, 26) & 2147483647) % 30)::int as len,
                                   (hashint8extended(k, 27) & 2147483647) % 10 < 2 as unpaid,
                                   (150 + (hashint8extended(k, 28) & 2147483647) % 650)::numeric as rate,
                                   (array['day', 'day', 'day', 'week', 'hour', 'flat'])[1 + (hashint8extended(k, 29) & 2147483647) % 6] as unit,
                                   (array['EUR', 'EUR', 'GBP', 'USD'])[1 + (hashint8extended(k, 30) & 2147483647) % 4] as currency,
                                   case when (hashint8extended(k, 31) & 2147483647) % 100 < 85 then 'OPEN'
                                        when (hashint8extended(k, 31) & 2147483647) % 100 < 95 then 'FILLED' else 'CANCELLED' end as status,
                                   now() - ((hashint8extended(k, 32) & 2147483647) % (90 * 24 * 60)) * interval '1 minute' as created_at
                            from generate_series(1, greatest(1, :members / 20)) k
                        ) c
                        where exists (select 1 from member where id = poster)""")
                .param("members", members).param("roles", FilmRoles.ALL.toArray(String[]::new))
                .param("cities", cities.toArray(String[]::new)).update();
    }

    /** 0–30 applications per call from members other than its poster (one per member and call), in arrival order. */
    private void insertApplications() {
        jdbc.sql("""
                        insert into call_application (call_id, applicant_id, note, status, created_at, updated_at)
                        select c.id, a.applicant, 'Generated application', 
                               case when (hashint8extended(c.id * 64 + a.n, 42) & 2147483647) % 10 < 2 then 'SHORTLISTED'
                                    when (hashint8extended(c.id * 64 + a.n, 42) & 2147483647) % 10 < 4 then 'DECLINED' else 'APPLIED' end,
                               c.created_at + a.n * interval '1 hour', c.created_at + a.n * interval '1 hour'
                        from crew_call c
                        cross join lateral (
                            select distinct on (applicant) n, applicant
                            from (select n, 1 + (hashint8extended(c.id * 64 + n, 41) & 2147483647) % (select max(id) from member) as applicant
                                  from generate_series(1, ((hashint8extended(c.id, 40) & 2147483647) % 31)::int) n) s
                            where applicant <> c.poster_id
                            order by applicant, n
                        ) a
                        where exists (select 1 from member where id = a.applicant)
                        on conflict do nothing""").update();
    }

    /**
     * A visibility setting for ~40% of members: ~30% EVERYONE, ~10% NOBODY; the others have no row
     * and so the default, CONNECTIONS. No calendar feeds.
     */
    private void insertAvailabilitySettings() {
        jdbc.sql("""
                        insert into availability_setting(member_id, visibility)
                        select id, case when (hashint8extended(id, 11) & 2147483647) % 10 < 3 then 'EVERYONE' else 'NOBODY' end
                        from member
                        where (hashint8extended(id, 11) & 2147483647) % 10 < 4""").update();
    }

    /**
     * ~25 edges started per member (so ~50 connections each on average); the other end is drawn
     * with density ∝ x^-0.6 over member ids, which gives a power-law-like degree distribution
     * with a few hubs of thousands. 95% accepted, the rest pending.
     */
    private void insertConnections(int members) {
        if (members < 2) {
            return;
        }
        jdbc.sql("""
                        insert into connection(requester_id, receiver_id, status, created_at, responded_at)
                        select a, b, case when accepted then 'ACCEPTED' else 'PENDING' end, t,
                               case when accepted then t + interval '1 day' end
                        from (
                            select m.id as a,
                                   1 + floor((:n - 1) * power(random(), 2.5))::bigint as b,
                                   now() - (random() * interval '700 days') as t,
                                   random() < 0.95 as accepted
                            from member m cross join lateral generate_series(1, 1 + floor(49 * random() + 0 * m.id)::int) g
                        ) pairs
                        where a <> b
                        on conflict do nothing""")
                .param("n", members).update();
    }
}
