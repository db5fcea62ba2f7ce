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
 * 10 posts with ~3 comments each and ~50 messages, spread over two years.
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
                    most-connected: %s (%,d connections)""".formatted(millis / 1000.0, members, members, connections,
                    portfolioItems, posts, comments, messages, mostConnected, mostConnectedDegree);
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
        step("vacuum analyze", () -> jdbc.sql("vacuum analyze").update());
        var most = jdbc.sql("""
                        select m.username::text as username, d.degree from (
                            select member, count(*) as degree from (
                                select requester_id as member from connection where status = 'ACCEPTED'
                                union all select receiver_id from connection where status = 'ACCEPTED') e
                            group by member order by degree desc limit 1) d
                        join member m on m.id = d.member""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).optional()
                .orElse(Map.entry("none", 0L));
        return new Summary(members, count("connection where status = 'ACCEPTED'"), count("portfolio_item"),
                count("post"), count("comment"), count("message"),
                most.getKey(), most.getValue(), System.currentTimeMillis() - start);
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
