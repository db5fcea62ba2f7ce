package com.moviepeople.credits;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.blocking.MemberBlocked;
import com.moviepeople.connections.ConnectionState;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.FilmRoles;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Credits and their confirmations. Every rule is checked here whatever the page offers (the
 * template only hides buttons), and the database holds the last line: one credit per member,
 * production and role; one confirmation per colleague and credit; never one's own.
 */
@Service
class CreditService implements Credits {

    static final int SUGGESTIONS_PAGE = 20;

    private final JdbcClient jdbc;
    private final MemberCards cards;
    private final MemberDirectory members;
    private final Blocks blocks;
    private final Connections connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProductionService productions;
    private final CreditsCache cache;

    CreditService(CreditsCache cache, ProductionService productions, JdbcClient jdbc, MemberCards cards, MemberDirectory members, Blocks blocks, Connections connections,
                  ApplicationEventPublisher events, Clock clock) {
        this.productions = productions;
        this.cache = cache;
        this.jdbc = jdbc;
        this.cards = cards;
        this.members = members;
        this.blocks = blocks;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /** The member already holds this role on this production. */
    static final class DuplicateCreditException extends RuntimeException {
        DuplicateCreditException() {
            super("duplicate credit");
        }
    }

    /** The member holds {@link #MAX_CREDITS_PER_MEMBER} credits. */
    static final class TooManyCreditsException extends RuntimeException {
        TooManyCreditsException() {
            super("too many credits");
        }
    }

    // --- reading ------------------------------------------------------------------------------

    /**
     * From memory when this instance read them lately ({@link CreditsCache}): the owner's credits with
     * every confirmation, and the productions of the viewer; each costs one statement when it is not
     * there. What the viewer may see is decided here, per request: hidden confirmations only for the
     * owner, none by members blocked either way with the viewer.
     */
    @Override
    public ProfileCredits profileCredits(long ownerId, Long viewerId, Set<Long> blocked) {
        List<CreditsCache.OwnerCredit> owned = cache.creditsOf(ownerId, this::ownerCredits);
        if (owned.isEmpty()) {
            return ProfileCredits.NONE;
        }
        boolean own = viewerId != null && viewerId == ownerId;
        Set<Long> viewerProductions = viewerId == null || own ? Set.of() : cache.productionsOf(viewerId, this::productionIdsOf);
        List<Row> rows = owned.stream()
                .map(c -> row(c, blocked, viewerProductions.contains(c.production().id()))).toList();
        List<CreditView> credits = views(rows, viewerId);
        List<ProductionRef> shared = viewerId == null || viewerId == ownerId ? List.of()
                : rows.stream().filter(Row::viewerOn).map(Row::production).distinct().toList();
        return new ProfileCredits(credits, shared);
    }

    @Override
    @Transactional
    public long findOrCreateProduction(long creatorId, String title, int year, String kind, String link) {
        return productions.create(creatorId, new ProductionForm(title, year, kind, link, true)).production().id();
    }

    @Override
    @Transactional
    public long addCredit(long memberId, long productionId, String role, String note) {
        try {
            return add(memberId, new CreditForm(productionId, role, note));
        } catch (DuplicateCreditException e) {
            throw new IllegalArgumentException("the member already holds this role there", e);
        }
    }

    @Override
    @Transactional
    public void confirmCredit(long memberId, long creditId) {
        confirm(memberId, creditId);
    }

    @Override
    public java.util.Map<Long, CreditSummary> summaries(java.util.Collection<Long> creditIds) {
        if (creditIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, CreditSummary> found = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.member_id, c.role, p.title, p.year,
                               (select count(*) from credit_confirmation cc where cc.credit_id = c.id and not cc.hidden) as confirmations
                        from credit c join production p on p.id = c.production_id
                        where c.id = any(:ids)""")
                .param("ids", creditIds.stream().mapToLong(Long::longValue).distinct().toArray())
                .query((rs, n) -> new CreditSummary(rs.getLong("id"), rs.getLong("member_id"),
                        rs.getString("role") + " · " + rs.getString("title") + " (" + rs.getInt("year") + ")", rs.getLong("confirmations")))
                .list().forEach(s -> found.put(s.id(), s));
        return found;
    }

    @Override
    public List<CreditOption> creditsOf(long memberId) {
        return jdbc.sql("""
                        select c.id, c.role, p.id as production_id, p.title, p.year
                        from credit c join production p on p.id = c.production_id
                        where c.member_id = :m
                        order by p.year desc, p.title_key, c.id
                        limit :limit""")
                .param("m", memberId).param("limit", MAX_CREDITS_PER_MEMBER)
                .query((rs, n) -> new CreditOption(rs.getLong("id"),
                        rs.getString("role") + " · " + rs.getString("title") + " (" + rs.getInt("year") + ")",
                        rs.getLong("production_id")))
                .list();
    }

    @Override
    public boolean ownsCredit(long memberId, long creditId) {
        return jdbc.sql("select exists(select 1 from credit where id = :id and member_id = :m)")
                .param("id", creditId).param("m", memberId).query(Boolean.class).single();
    }

    @Override
    public boolean creditExists(long creditId) {
        return jdbc.sql("select exists(select 1 from credit where id = :id)").param("id", creditId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean confirmationShown(long creditId, long confirmerId) {
        return jdbc.sql("""
                        select exists(select 1 from credit_confirmation
                                      where credit_id = :credit and confirmer_id = :confirmer and not hidden)""")
                .param("credit", creditId).param("confirmer", confirmerId).query(Boolean.class).single();
    }

    /** A production's credits, grouped by department in the list's order, as {@code viewerId} may see them. */
    Map<String, List<CreditView>> productionCredits(long productionId, Long viewerId, Set<Long> blocked) {
        List<CreditsCache.OwnerCredit> credits = creditRows("c.production_id = :value", productionId,
                "c.department, c.role_key, c.id", 2000);
        boolean viewerOn = viewerId != null && credits.stream().anyMatch(c -> c.memberId() == viewerId);
        List<CreditView> views = views(credits.stream().filter(c -> !blocked.contains(c.memberId()))
                .map(c -> row(c, blocked, viewerOn)).toList(), viewerId);
        return views.stream()
                .sorted(Comparator.comparingInt((CreditView v) -> FilmRoles.departmentOrder(v.department()))
                        .thenComparing(v -> v.member().displayName(), String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.groupingBy(CreditView::department, LinkedHashMap::new, Collectors.toList()));
    }

    /** The owner's credits, newest production first, each with all its confirmations (oldest first). */
    private List<CreditsCache.OwnerCredit> ownerCredits(long ownerId) {
        return creditRows("c.member_id = :value", ownerId, "p.year desc, p.title_key, c.id", MAX_CREDITS_PER_MEMBER);
    }

    /**
     * Credits matching {@code where} (on {@code :value}) with their productions and every confirmation
     * of each, whoever looks: one statement; what a viewer may see is filtered by {@link #row}.
     */
    private List<CreditsCache.OwnerCredit> creditRows(String where, long value, String order, int limit) {
        return jdbc.sql("""
                        select c.id, c.member_id, c.role, c.department, c.note, p.id as production_id, p.title, p.year, p.kind,
                               cf.confirmers, cf.hidden
                        from credit c
                        join production p on p.id = c.production_id
                        cross join lateral (
                            select array_agg(x.confirmer_id order by x.created_at, x.confirmer_id) as confirmers,
                                   array_agg(x.hidden order by x.created_at, x.confirmer_id) as hidden
                            from credit_confirmation x where x.credit_id = c.id
                        ) cf
                        where %s
                        order by %s
                        limit :limit""".formatted(where, order))
                .param("value", value).param("limit", limit)
                .query((rs, n) -> {
                    Array flags = rs.getArray("hidden");
                    List<Boolean> hidden = flags == null ? List.of() : List.of((Boolean[]) flags.getArray());
                    return new CreditsCache.OwnerCredit(rs.getLong("id"), rs.getLong("member_id"), rs.getString("role"),
                            rs.getString("department"), rs.getString("note"),
                            new ProductionRef(rs.getLong("production_id"), rs.getString("title"), rs.getInt("year"),
                                    rs.getString("kind")), ids(rs, "confirmers"), hidden);
                })
                .list();
    }

    /** A credit as one viewer sees it: confirmations by members blocked either way left out, hidden ones apart. */
    private static Row row(CreditsCache.OwnerCredit c, Set<Long> blocked, boolean viewerOn) {
        List<Long> shown = new ArrayList<>();
        List<Long> hidden = new ArrayList<>();
        for (int i = 0; i < c.confirmers().size(); i++) {
            Long confirmer = c.confirmers().get(i);
            if (!blocked.contains(confirmer)) {
                (c.hidden().get(i) ? hidden : shown).add(confirmer);
            }
        }
        return new Row(c.id(), c.memberId(), c.role(), c.department(), c.note(), c.production(), shown, hidden, viewerOn);
    }

    private Set<Long> productionIdsOf(long memberId) {
        return Set.copyOf(jdbc.sql("select production_id from credit where member_id = :m")
                .param("m", memberId).query(Long.class).list());
    }

    /** Whether the member holds a credit on the production (and so may confirm colleagues' credits there). */
    boolean isOnProduction(long memberId, long productionId) {
        return jdbc.sql("select exists(select 1 from credit where member_id = :m and production_id = :p)")
                .param("m", memberId).param("p", productionId).query(Boolean.class).single();
    }

    private record Row(long id, long memberId, String role, String department, String note, ProductionRef production,
                       List<Long> shown, List<Long> hidden, boolean viewerOn) {
    }

    private List<CreditView> views(List<Row> rows, Long viewerId) {
        Set<Long> ids = new HashSet<>();
        for (Row r : rows) {
            ids.add(r.memberId());
            ids.addAll(r.shown());
            ids.addAll(r.hidden());
        }
        Map<Long, MemberCard> byId = cards.cardsFor(ids);
        List<CreditView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            MemberCard member = byId.get(r.memberId());
            if (member == null) {
                continue;
            }
            boolean own = viewerId != null && viewerId == r.memberId();
            boolean confirmed = viewerId != null && (r.shown().contains(viewerId) || r.hidden().contains(viewerId));
            views.add(new CreditView(r.id(), r.production(), r.role(), r.department(), r.note(), member,
                    cardsOf(r.shown(), byId), own ? cardsOf(r.hidden(), byId) : List.of(), confirmed,
                    viewerId != null && !own && r.viewerOn(), own, viewerId != null));
        }
        return views;
    }

    private static List<MemberCard> cardsOf(List<Long> ids, Map<Long, MemberCard> byId) {
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Long> ids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Stream.of((Long[]) array.getArray()).toList();
    }

    // --- writing ------------------------------------------------------------------------------

    /**
     * Adds a credit for {@code memberId}; a role from the list is stored in the list's spelling.
     *
     * @throws NotFoundException          the production does not exist (any more)
     * @throws DuplicateCreditException   the member already holds this role there
     * @throws TooManyCreditsException    the member holds the most credits allowed
     */
    @Transactional
    long add(long memberId, CreditForm form) {
        ProductionRef production = jdbc.sql("select id, title, year, kind from production where id = :id for key share")
                .param("id", form.productionId()).query(ProductionService::ref).optional()
                .orElseThrow(NotFoundException::new);
        long held = jdbc.sql("select count(*) from credit where member_id = :m").param("m", memberId)
                .query(Long.class).single();
        if (held >= MAX_CREDITS_PER_MEMBER) {
            throw new TooManyCreditsException();
        }
        String role = canonicalRole(form.role());
        Instant now = Instant.now(clock);
        Optional<Long> id = jdbc.sql("""
                        insert into credit (production_id, member_id, role, department, note, created_at)
                        values (:production, :member, :role, :department, :note, :at)
                        on conflict (production_id, member_id, role_key) do nothing
                        returning id""")
                .param("production", production.id()).param("member", memberId).param("role", role)
                .param("department", FilmRoles.departmentOf(role)).param("note", form.note().isEmpty() ? null : form.note())
                .param("at", Timestamp.from(now))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new DuplicateCreditException();
        }
        events.publishEvent(new CreditAdded(id.get(), memberId, production.id(), production.title(), production.year(),
                role, now));
        return id.get();
    }

    /** Deletes one of the member's credits (its confirmations go with it; a production left empty too). */
    @Transactional
    long delete(long memberId, long creditId) {
        Long productionId = jdbc.sql("select production_id from credit where id = :id and member_id = :m for update")
                .param("id", creditId).param("m", memberId).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
        // The confirmations this member gave on the production: the trigger withdraws them with their last credit there.
        Map<Long, Long> confirmed = new LinkedHashMap<>();
        jdbc.sql("select credit_id, credit_owner_id from credit_confirmation where confirmer_id = :m and production_id = :p")
                .param("m", memberId).param("p", productionId)
                .query((rs, n) -> confirmed.put(rs.getLong(1), rs.getLong(2))).list();
        jdbc.sql("delete from credit where id = :id").param("id", creditId).update();
        events.publishEvent(new CreditRemoved(creditId, memberId));
        if (!confirmed.isEmpty()) {
            Set<Long> left = new HashSet<>(jdbc.sql("select credit_id from credit_confirmation where confirmer_id = :m and credit_id = any(:ids)")
                    .param("m", memberId).param("ids", array(confirmed.keySet())).query(Long.class).list());
            confirmed.forEach((id, owner) -> {
                if (!left.contains(id)) {
                    events.publishEvent(new CreditUnconfirmed(id, owner, memberId));
                }
            });
        }
        return productionId;
    }

    /**
     * {@code memberId} confirms a colleague's credit. Not their own, not without a credit on the
     * same production, not between members blocked either way: {@link NotFoundException}, nothing
     * written. Confirming again changes nothing (also when several arrive at once: the primary key).
     * Returns the production's id.
     */
    @Transactional
    long confirm(long memberId, long creditId) {
        CreditFacts credit = facts(creditId);
        if (credit.ownerId() == memberId || blocks.isBlockedEitherWay(memberId, credit.ownerId())) {
            throw new NotFoundException();
        }
        Instant now = Instant.now(clock);
        int inserted = jdbc.sql("""
                        insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id, created_at)
                        select :credit, :owner, :production, :member, :at
                        where exists (select 1 from credit mine where mine.production_id = :production and mine.member_id = :member)
                        on conflict (credit_id, confirmer_id) do nothing""")
                .param("credit", creditId).param("owner", credit.ownerId()).param("production", credit.production().id())
                .param("member", memberId).param("at", Timestamp.from(now))
                .update();
        if (inserted == 0 && !isOnProduction(memberId, credit.production().id())) {
            throw new NotFoundException();
        }
        if (inserted == 1) {
            events.publishEvent(new CreditConfirmed(creditId, credit.ownerId(), memberId, credit.production().id(),
                    credit.production().title(), credit.production().year(), credit.role(), now));
        }
        return credit.production().id();
    }

    /** {@code memberId} withdraws their confirmation; for anyone who could not have confirmed it: not found. */
    @Transactional
    long unconfirm(long memberId, long creditId) {
        CreditFacts credit = facts(creditId);
        int deleted = jdbc.sql("delete from credit_confirmation where credit_id = :credit and confirmer_id = :member")
                .param("credit", creditId).param("member", memberId).update();
        if (deleted == 0 && (credit.ownerId() == memberId || !isOnProduction(memberId, credit.production().id()))) {
            throw new NotFoundException();
        }
        if (deleted == 1) {
            events.publishEvent(new CreditUnconfirmed(creditId, credit.ownerId(), memberId));
        }
        return credit.production().id();
    }

    /** The credit's owner hides (or shows again) one confirmation on their profile; anyone else: not found. */
    @Transactional
    void setHidden(long ownerId, long creditId, String confirmerUsername, boolean hidden) {
        long confirmerId = members.findByUsername(confirmerUsername).map(MemberSummary::id)
                .orElseThrow(NotFoundException::new);
        int updated = jdbc.sql("""
                        update credit_confirmation set hidden = :hidden
                        where credit_id = :credit and credit_owner_id = :owner and confirmer_id = :confirmer""")
                .param("hidden", hidden).param("credit", creditId).param("owner", ownerId).param("confirmer", confirmerId)
                .update();
        if (updated == 0) {
            throw new NotFoundException();
        }
        if (hidden) {
            events.publishEvent(new CreditUnconfirmed(creditId, ownerId, confirmerId));
        } else {
            events.publishEvent(new CreditsCache.ConfirmationShown(ownerId));
        }
    }

    /** A block withdraws the pair's confirmations of each other's credits (in the blocking transaction). */
    @EventListener
    void on(MemberBlocked event) {
        jdbc.sql("""
                        delete from credit_confirmation
                        where (credit_owner_id = :a and confirmer_id = :b) or (credit_owner_id = :b and confirmer_id = :a)
                        returning credit_id, credit_owner_id, confirmer_id""")
                .param("a", event.blockerId()).param("b", event.blockedId())
                .query((rs, n) -> new CreditUnconfirmed(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list()
                .forEach(events::publishEvent);
    }

    private record CreditFacts(long ownerId, ProductionRef production, String role) {
    }

    private CreditFacts facts(long creditId) {
        return jdbc.sql("""
                        select c.member_id, c.role, p.id, p.title, p.year, p.kind
                        from credit c join production p on p.id = c.production_id
                        where c.id = :id""")
                .param("id", creditId)
                .query((rs, n) -> new CreditFacts(rs.getLong("member_id"), ProductionService.ref(rs, n), rs.getString("role")))
                .optional().orElseThrow(NotFoundException::new);
    }

    /** A role typed in another case than the list's ("film editor") is stored as the list has it. */
    static String canonicalRole(String role) {
        return FilmRoles.ALL.stream().filter(r -> r.equalsIgnoreCase(role.strip())).findFirst().orElse(role.strip());
    }

    // --- worked together ----------------------------------------------------------------------

    /** Someone I share productions with and am not connected to. */
    record Suggestion(MemberCard member, int sharedCount, List<ProductionRef> shared, ConnectionState state) {
    }

    record SuggestionsPage(List<Suggestion> suggestions, String next) {
    }

    /**
     * People who hold credits on my productions and are not connected to me (nor blocked either
     * way), most shared productions first; keyset pages on (shared count, member id).
     */
    SuggestionsPage suggestions(long memberId, String after) {
        long[] cursor = parseCursor(after);
        Set<Long> excluded = new HashSet<>(connections.connectionIdsOf(memberId));
        excluded.addAll(blocks.blockedIdsOf(memberId));
        record Found(long memberId, int shared, List<Long> productions) {
        }
        List<Found> found = jdbc.sql("""
                        select b.member_id, count(distinct b.production_id) as shared,
                               (array_agg(distinct b.production_id))[1 : 3] as sample
                        from credit a
                        join credit b on b.production_id = a.production_id and b.member_id <> a.member_id
                        where a.member_id = :me and b.member_id <> all(cast(:excluded as bigint[]))
                        group by b.member_id
                        having count(distinct b.production_id) < :afterShared
                            or (count(distinct b.production_id) = :afterShared and b.member_id > :afterId)
                        order by shared desc, b.member_id
                        limit :n""")
                .param("me", memberId).param("excluded", excluded.stream().mapToLong(Long::longValue).toArray())
                .param("afterShared", cursor[0]).param("afterId", cursor[1]).param("n", SUGGESTIONS_PAGE + 1)
                .query((rs, n) -> new Found(rs.getLong("member_id"), rs.getInt("shared"), ids(rs, "sample")))
                .list();
        KeysetSlice<Found> slice = KeysetSlice.of(found, SUGGESTIONS_PAGE);
        List<Found> page = slice.rows();
        if (page.isEmpty()) {
            return new SuggestionsPage(List.of(), null);
        }
        Set<Long> productionIds = page.stream().flatMap(f -> f.productions().stream()).collect(Collectors.toSet());
        Map<Long, ProductionRef> productions = jdbc.sql("select id, title, year, kind from production where id = any(:ids)")
                .param("ids", productionIds.stream().mapToLong(Long::longValue).toArray())
                .query(ProductionService::ref).list().stream()
                .collect(Collectors.toMap(ProductionRef::id, p -> p));
        List<Long> people = page.stream().map(Found::memberId).toList();
        Map<Long, MemberCard> byId = cards.cardsFor(people);
        Map<Long, ConnectionState> states = connections.statesBetween(memberId, people);
        List<Suggestion> suggestions = page.stream().filter(f -> byId.containsKey(f.memberId()))
                .map(f -> new Suggestion(byId.get(f.memberId()), f.shared(),
                        f.productions().stream().map(productions::get).filter(java.util.Objects::nonNull)
                                .sorted(Comparator.comparingInt(ProductionRef::year).reversed()).toList(),
                        states.getOrDefault(f.memberId(), ConnectionState.none())))
                .toList();
        return new SuggestionsPage(suggestions, slice.next(last -> last.shared() + "-" + last.memberId()));
    }

    /** "shared-memberId" of the last row seen; anything else starts from the top. */
    private static long[] parseCursor(String after) {
        if (after != null && after.matches("\\d{1,6}-\\d{1,18}")) {
            String[] parts = after.split("-");
            return new long[]{Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        }
        return new long[]{Integer.MAX_VALUE, 0};
    }

    /** Ids of a collection for SQL. */
    static long[] array(Collection<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
