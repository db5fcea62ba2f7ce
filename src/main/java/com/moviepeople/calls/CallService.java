package com.moviepeople.calls;

import com.moviepeople.availability.Availability;
import com.moviepeople.availability.AvailabilityAnswer;
import com.moviepeople.availability.AvailabilityPeriod;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.credits.Credits;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Crew calls in plain SQL. Who may do what is decided here: verified members post (at most
 * {@link #MAX_OPEN_CALLS} open at once); anyone logged in and not blocked either way browses and
 * applies, once per call, while it is open and before its deadline; only the poster sees and
 * answers the applicants and closes the call; everyone else gets a 404.
 */
@Service
class CallService implements Calls {

    static final int MAX_OPEN_CALLS = 5;
    static final int PAGE_SIZE = 20;
    static final int MAX_WORKS = 5;
    static final int NOTE_MAX = 1000;
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");

    /** A valid form's values. */
    record Checked(String title, String role, Long productionId, String location, boolean remote, LocalDate startDate,
                   LocalDate endDate, BigDecimal payRate, String payUnit, String currency, boolean unpaid, LocalDate deadline,
                   String description) {
    }

    /** The list's filters, already checked. */
    record Filters(String role, String location, LocalDate from, LocalDate to, boolean paidOnly) {
        public boolean any() {
            return role != null || location != null || from != null || to != null || paidOnly;
        }
    }

    record Page(List<CallView> calls, String next) {
    }

    /** One application as the poster reviews it. */
    record Applicant(long id, MemberCard member, String note, String status, java.time.Instant at,
                     List<Credits.CreditSummary> credits, List<PortfolioService.ItemRef> items, AvailabilityAnswer availability) {
    }

    /** One of my applications. */
    record MyApplication(long id, CallView call, String status, java.time.Instant at) {

        /** Where the applicant stands, in words. */
        public String getOutcome() {
            if ("DECLINED".equals(status)) {
                return "Declined";
            }
            return switch (call.status()) {
                case "FILLED" -> "SHORTLISTED".equals(status) ? "Call filled (you were shortlisted)" : "Call filled";
                case "CANCELLED" -> "Call cancelled";
                case "REMOVED" -> "Call removed";
                default -> "SHORTLISTED".equals(status) ? "Shortlisted" : "Applied";
            };
        }

        /** {@code data-status}: applied, shortlisted, declined, filled, cancelled. */
        public String getOutcomeKey() {
            if ("DECLINED".equals(status)) {
                return "declined";
            }
            // A call removed by a moderator is, for its applicants, cancelled.
            return call.isOpen() ? status.toLowerCase() : "REMOVED".equals(call.status()) ? "cancelled" : call.status().toLowerCase();
        }
    }

    private final JdbcClient jdbc;
    private final MemberCards cards;
    private final Blocks blocks;
    private final Credits credits;
    private final PortfolioService portfolio;
    private final Availability availability;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallService(JdbcClient jdbc, MemberCards cards, Blocks blocks, Credits credits, PortfolioService portfolio,
                Availability availability, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.blocks = blocks;
        this.credits = credits;
        this.portfolio = portfolio;
        this.availability = availability;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return availability.today();
    }

    // --- posting ---------------------------------------------------------------------------

    /** The rules of the form; each wrong field gets its message. Empty when something is wrong. */
    Optional<Checked> validate(long posterId, CallForm form, Errors errors) {
        LocalDate today = today();
        String title = trimmed(form.getTitle());
        if (title == null || title.length() > 120) {
            errors.rejectValue("title", "title", "Give the call a title of up to 120 characters.");
        }
        String role = trimmed(form.getRole());
        if (role == null || role.length() > 60) {
            errors.rejectValue("role", "role", "Name the role, in up to 60 characters (e.g. Gaffer).");
        }
        String location = trimmed(form.getLocation());
        if (form.isRemote()) {
            location = null;
        } else if (location == null || location.length() > 80) {
            errors.rejectValue("location", "location", "Say where the work is (up to 80 characters), or tick “Remote”.");
        }
        LocalDate start = date(form.getStartDate(), "startDate", "the first day", errors);
        LocalDate end = date(form.getEndDate(), "endDate", "the last day", errors);
        LocalDate deadline = date(form.getDeadline(), "deadline", "the application deadline", errors);
        if (start != null && start.isBefore(today)) {
            errors.rejectValue("startDate", "startDate", "The work cannot start in the past.");
        } else if (start != null && start.isAfter(today.plusYears(3))) {
            errors.rejectValue("startDate", "startDate", "Calls are for work within the next three years.");
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.rejectValue("endDate", "endDate", "The last day comes before the first.");
        } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) > 730) {
            errors.rejectValue("endDate", "endDate", "A call covers at most two years.");
        }
        if (deadline != null && deadline.isBefore(today)) {
            errors.rejectValue("deadline", "deadline", "The deadline is already over.");
        } else if (deadline != null && end != null && deadline.isAfter(end)) {
            errors.rejectValue("deadline", "deadline", "The deadline must be on or before the last day of work.");
        }
        BigDecimal rate = null;
        String unit = null;
        String currency = null;
        // The form always sends a unit and a currency (a select, a prefilled code): an amount is what states pay.
        boolean payGiven = StringUtils.hasText(form.getPayRate());
        if (form.isUnpaid() && payGiven) {
            errors.rejectValue("payRate", "pay", "Either state the pay or mark the call unpaid, not both.");
        } else if (!form.isUnpaid()) {
            if (!StringUtils.hasText(form.getPayRate())) {
                errors.rejectValue("payRate", "pay", "State the pay, or mark the call unpaid.");
            } else {
                try {
                    rate = new BigDecimal(form.getPayRate().strip().replace(",", ""));
                    if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 2) {
                        errors.rejectValue("payRate", "pay", "Enter an amount above 0 with at most two decimals, e.g. 350 or 27.50.");
                        rate = null;
                    }
                } catch (NumberFormatException e) {
                    errors.rejectValue("payRate", "pay", "Enter an amount, e.g. 350 or 27.50.");
                }
            }
            Optional<PayUnit> payUnit = PayUnit.parse(form.getPayUnit());
            if (payUnit.isEmpty()) {
                errors.rejectValue("payUnit", "payUnit", "Choose what the pay is per: hour, day, week or a flat fee.");
            } else {
                unit = payUnit.get().getValue();
            }
            currency = currency(form.getCurrency());
            if (currency == null) {
                errors.rejectValue("currency", "currency", "Enter a currency code such as EUR, GBP or USD.");
            }
        }
        String description = form.getDescription() == null ? null : form.getDescription().strip();
        if (description == null || description.isEmpty() || description.codePointCount(0, description.length()) > 5000) {
            errors.rejectValue("description", "description", "Describe the work in up to 5,000 characters.");
        }
        Long production = form.getProductionId();
        if (production != null && credits.creditsOf(posterId).stream().noneMatch(c -> c.productionId() == production)) {
            errors.rejectValue("productionId", "productionId", "Choose one of the productions you are credited on.");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(title, role, production, location, form.isRemote(), start, end,
                form.isUnpaid() ? null : rate, form.isUnpaid() ? null : unit, form.isUnpaid() ? null : currency,
                form.isUnpaid(), deadline, description));
    }

    /** Posts a call; empty when the member already has {@link #MAX_OPEN_CALLS} open (under a per-member lock). */
    @Transactional
    Optional<Long> create(long posterId, Checked c) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('crew_call', :poster))").param("poster", posterId)
                .query(Object.class).list();
        long open = jdbc.sql("select count(*) from crew_call where poster_id = :p and status = 'OPEN'")
                .param("p", posterId).query(Long.class).single();
        if (open >= MAX_OPEN_CALLS) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        insert into crew_call (poster_id, title, role, production_id, location, remote, start_date, end_date,
                                               pay_rate, pay_unit, currency, unpaid, deadline, description)
                        values (:poster, :title, :role, :production, :location, :remote, :start, :end,
                                :rate, :unit, :currency, :unpaid, :deadline, :description)
                        returning id""")
                .param("poster", posterId).param("title", c.title()).param("role", c.role())
                .param("production", c.productionId()).param("location", c.location()).param("remote", c.remote())
                .param("start", Date.valueOf(c.startDate())).param("end", Date.valueOf(c.endDate()))
                .param("rate", c.payRate()).param("unit", c.payUnit()).param("currency", c.currency())
                .param("unpaid", c.unpaid()).param("deadline", Date.valueOf(c.deadline())).param("description", c.description())
                .query(Long.class).single());
    }

    // --- reading ---------------------------------------------------------------------------

    private static final String CALL_COLUMNS = """
            select c.id, c.poster_id, c.title, c.role, c.production_id, c.location, c.remote, c.start_date, c.end_date,
                   c.pay_rate, c.pay_unit, c.currency, c.unpaid, c.deadline, c.description, c.status, c.created_at,
                   p.title || ' (' || p.year || ')' as production_label
            """;

    private record Row(long id, long posterId, String title, String role, Long productionId, String productionLabel,
                       String location, boolean remote, LocalDate start, LocalDate end, BigDecimal rate, String unit,
                       String currency, boolean unpaid, LocalDate deadline, String description, String status,
                       java.time.Instant createdAt, long applications) {

        KeysetCursor position() {
            return new KeysetCursor(createdAt, id);
        }
    }

    private static Row row(ResultSet rs, boolean withCount) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("poster_id"), rs.getString("title"), rs.getString("role"),
                (Long) rs.getObject("production_id"), rs.getString("production_label"), rs.getString("location"),
                rs.getBoolean("remote"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getBigDecimal("pay_rate"), rs.getString("pay_unit"), rs.getString("currency"), rs.getBoolean("unpaid"),
                rs.getDate("deadline").toLocalDate(), rs.getString("description"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), withCount ? rs.getLong("applications") : 0);
    }

    private List<CallView> views(List<Row> rows) {
        Set<Long> posters = new LinkedHashSet<>();
        rows.forEach(r -> posters.add(r.posterId()));
        Map<Long, MemberCard> byId = posters.isEmpty() ? Map.of() : cards.cardsFor(posters);
        List<CallView> views = new ArrayList<>();
        for (Row r : rows) {
            MemberCard poster = byId.get(r.posterId());
            if (poster != null) {
                views.add(new CallView(r.id(), poster, r.title(), r.role(), r.productionLabel(), r.productionId(), r.location(),
                        r.remote(), r.start(), r.end(), r.rate(), r.unit(), r.currency(), r.unpaid(), r.deadline(),
                        r.description(), r.status(), r.createdAt(), r.applications()));
            }
        }
        return views;
    }

    /** Open calls before their deadline, newest first, filtered; never from members blocked either way. */
    @Transactional(readOnly = true)
    Page open(long viewerId, Filters filters, KeysetCursor before) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("""
                where c.status = 'OPEN' and c.deadline >= :today and (c.created_at, c.id) < (:at, :id)
                  and c.poster_id <> all(cast(:blocked as bigint[]))""");
        params.put("today", Date.valueOf(today()));
        params.put("at", Timestamp.from(before.at()));
        params.put("id", before.id());
        params.put("blocked", blocks.blockedIdArrayOf(viewerId));
        if (filters.role() != null) {
            where.append("\n  and c.role_words like '%' || mp_search_words(:role) || '%'");
            params.put("role", filters.role());
        }
        if (filters.location() != null) {
            boolean remote = "remote".equalsIgnoreCase(filters.location().strip());
            where.append(remote ? "\n  and c.remote" : "\n  and c.location_words like '%' || mp_search_words(:location) || '%'");
            if (!remote) {
                params.put("location", filters.location());
            }
        }
        if (filters.from() != null) {
            where.append("\n  and c.end_date >= :from");
            params.put("from", Date.valueOf(filters.from()));
        }
        if (filters.to() != null) {
            where.append("\n  and c.start_date <= :to");
            params.put("to", Date.valueOf(filters.to()));
        }
        if (filters.paidOnly()) {
            where.append("\n  and not c.unpaid");
        }
        params.put("n", PAGE_SIZE + 1);
        List<Row> rows = jdbc.sql(CALL_COLUMNS + """
                        from crew_call c left join production p on p.id = c.production_id
                        """ + where + "\norder by c.created_at desc, c.id desc limit :n")
                .params(params).query((rs, n) -> row(rs, false)).list();
        KeysetSlice<Row> page = KeysetSlice.of(rows, PAGE_SIZE);
        return new Page(views(page.rows()), page.nextCursor(Row::position));
    }

    /** One call for {@code viewerId}: 404 if removed (unless the poster asks) or between members blocked either way. */
    @Transactional(readOnly = true)
    CallView find(long viewerId, long callId) {
        Row r = jdbc.sql(CALL_COLUMNS + """
                        , (select count(*) from call_application a where a.call_id = c.id) as applications
                        from crew_call c left join production p on p.id = c.production_id where c.id = :id""")
                .param("id", callId).query((rs, n) -> row(rs, true)).optional().orElseThrow(NotFoundException::new);
        if (r.posterId() != viewerId && ("REMOVED".equals(r.status()) || blocks.isBlockedEitherWay(viewerId, r.posterId()))) {
            throw new NotFoundException();
        }
        return views(List.of(r)).stream().findFirst().orElseThrow(NotFoundException::new);
    }

    /** The member's application to the call, if any: its status. */
    @Transactional(readOnly = true)
    Optional<String> applicationStatus(long memberId, long callId) {
        return jdbc.sql("select status from call_application where call_id = :c and applicant_id = :m")
                .param("c", callId).param("m", memberId).query(String.class).optional();
    }

    /** What the member may show with an application. */
    List<Credits.CreditOption> creditOptions(long memberId) {
        return credits.creditsOf(memberId);
    }

    List<PortfolioService.ItemRef> itemOptions(long memberId) {
        return portfolio.refsOf(memberId, 50);
    }

    // --- applying --------------------------------------------------------------------------

    /** Why an application was not taken, in words for the page. */
    static final class ApplyException extends RuntimeException {
        ApplyException(String message) {
            super(message);
        }
    }

    /**
     * Applies once: a second application (or eight at once) leaves the first as it was and returns
     * false. Refused with {@link ApplyException}: one's own call, a closed call or a past deadline, a
     * note too long, more than {@link #MAX_WORKS} works or someone else's.
     */
    @Override
    @Transactional
    public boolean apply(long memberId, long callId, String note, Collection<Long> creditIds, Collection<Long> itemIds) {
        CallView call = find(memberId, callId);
        if (call.poster().id() == memberId) {
            throw new ApplyException("This is your own call.");
        }
        if (!call.isOpen()) {
            throw new ApplyException("This call is closed.");
        }
        if (call.deadline().isBefore(today())) {
            throw new ApplyException("The deadline for this call has passed.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw new ApplyException("Keep the note to 1,000 characters.");
        }
        Set<Long> chosenCredits = new LinkedHashSet<>(creditIds);
        Set<Long> chosenItems = new LinkedHashSet<>(itemIds);
        if (chosenCredits.size() + chosenItems.size() > MAX_WORKS) {
            throw new ApplyException("Choose at most 5 credits and pieces of work.");
        }
        Map<Long, Credits.CreditSummary> ownCredits = credits.summaries(chosenCredits);
        Map<Long, PortfolioService.ItemRef> ownItems = portfolio.refs(chosenItems);
        if (ownCredits.size() != chosenCredits.size() || ownCredits.values().stream().anyMatch(c -> c.memberId() != memberId)
                || ownItems.size() != chosenItems.size() || ownItems.values().stream().anyMatch(i -> i.ownerId() != memberId)) {
            throw new ApplyException("Choose from your own credits and portfolio.");
        }
        Optional<Long> id = jdbc.sql("""
                        insert into call_application (call_id, applicant_id, note) values (:call, :me, :note)
                        on conflict (call_id, applicant_id) do nothing returning id""")
                .param("call", callId).param("me", memberId).param("note", text).query(Long.class).optional();
        if (id.isEmpty()) {
            return false;
        }
        for (long credit : chosenCredits) {
            jdbc.sql("insert into call_application_work (application_id, credit_id) values (:a, :c)")
                    .param("a", id.get()).param("c", credit).update();
        }
        for (long item : chosenItems) {
            jdbc.sql("insert into call_application_work (application_id, item_id) values (:a, :i)")
                    .param("a", id.get()).param("i", item).update();
        }
        events.publishEvent(new CallApplied(callId, id.get(), call.poster().id(), memberId, call.title()));
        return true;
    }

    // --- the poster's review ---------------------------------------------------------------

    /** The poster's own call (404 for anyone else), locked when {@code forUpdate}. */
    private Row own(long posterId, long callId, boolean forUpdate) {
        return jdbc.sql(CALL_COLUMNS + """
                        , 0 as applications
                        from crew_call c left join production p on p.id = c.production_id
                        where c.id = :id and c.poster_id = :poster""" + (forUpdate ? " for update of c" : ""))
                .param("id", callId).param("poster", posterId).query((rs, n) -> row(rs, true)).optional()
                .filter(r -> !"REMOVED".equals(r.status()))
                .orElseThrow(NotFoundException::new);
    }

    /** Applicants shown on one page of a call's review. */
    static final int APPLICANTS_PAGE_SIZE = 25;

    /** Before every application: the first page of a call's applicants. */
    static final KeysetCursor FIRST_APPLICANT = new KeysetCursor(java.time.Instant.EPOCH, 0);

    /**
     * One page of a call's applicants in arrival order: {@code first} is the number of the first one
     * shown (1 on the first page), {@code next} the cursor of the next page (null on the last).
     */
    record ApplicantsPage(List<Applicant> applicants, long first, String next) {
    }

    /**
     * The applicants who applied after {@code after}, in arrival order, with what they chose to show
     * and their availability for the call's dates: one page. Members blocked either way are left out,
     * and not counted in the numbers.
     */
    @Transactional(readOnly = true)
    ApplicantsPage applicants(long posterId, long callId, KeysetCursor after) {
        Row call = own(posterId, callId, false);
        record A(long id, long applicantId, String note, String status, java.time.Instant at) {
            KeysetCursor position() {
                return new KeysetCursor(at, id);
            }
        }
        long[] blockedIds = blocks.blockedIdArrayOf(posterId);
        List<A> found = jdbc.sql("""
                        select id, applicant_id, note, status, created_at from call_application
                        where call_id = :call and (created_at, id) > (:at, :id) and applicant_id <> all(cast(:blocked as bigint[]))
                        order by created_at, id limit :n""")
                .param("call", callId).param("at", Timestamp.from(after.at())).param("id", after.id())
                .param("blocked", blockedIds).param("n", APPLICANTS_PAGE_SIZE + 1)
                .query((rs, n) -> new A(rs.getLong("id"), rs.getLong("applicant_id"), rs.getString("note"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (found.isEmpty()) {
            return new ApplicantsPage(List.of(), 1, null);
        }
        KeysetSlice<A> page = KeysetSlice.of(found, APPLICANTS_PAGE_SIZE);
        List<A> rows = page.rows();
        long first = after.equals(FIRST_APPLICANT) ? 1 : 1 + jdbc.sql("""
                        select count(*) from call_application
                        where call_id = :call and (created_at, id) <= (:at, :id) and applicant_id <> all(cast(:blocked as bigint[]))""")
                .param("call", callId).param("at", Timestamp.from(after.at())).param("id", after.id()).param("blocked", blockedIds)
                .query(Long.class).single();
        Map<Long, List<Long>> creditsOf = new HashMap<>();
        Map<Long, List<Long>> itemsOf = new HashMap<>();
        jdbc.sql("select application_id, credit_id, item_id from call_application_work w where application_id = any(:ids)")
                .param("ids", rows.stream().mapToLong(A::id).toArray())
                .query((rs, n) -> {
                    long application = rs.getLong("application_id");
                    Long credit = (Long) rs.getObject("credit_id");
                    Long item = (Long) rs.getObject("item_id");
                    if (credit != null) {
                        creditsOf.computeIfAbsent(application, k -> new ArrayList<>()).add(credit);
                    } else {
                        itemsOf.computeIfAbsent(application, k -> new ArrayList<>()).add(item);
                    }
                    return null;
                }).list();
        Map<Long, Credits.CreditSummary> creditSummaries = credits.summaries(creditsOf.values().stream().flatMap(List::stream).toList());
        Map<Long, PortfolioService.ItemRef> itemRefs = portfolio.refs(itemsOf.values().stream().flatMap(List::stream).toList());
        Set<Long> applicantIds = new LinkedHashSet<>();
        rows.forEach(a -> applicantIds.add(a.applicantId()));
        Map<Long, MemberCard> members = cards.cardsFor(applicantIds);
        Map<Long, AvailabilityAnswer> answers = availability.answers(applicantIds, posterId,
                new AvailabilityPeriod(call.start(), call.end()));
        List<Applicant> applicants = new ArrayList<>();
        for (A a : rows) {
            MemberCard member = members.get(a.applicantId());
            if (member == null) {
                continue;
            }
            applicants.add(new Applicant(a.id(), member, a.note(), a.status(), a.at(),
                    creditsOf.getOrDefault(a.id(), List.of()).stream().map(creditSummaries::get).filter(java.util.Objects::nonNull).toList(),
                    itemsOf.getOrDefault(a.id(), List.of()).stream().map(itemRefs::get).filter(java.util.Objects::nonNull).toList(),
                    answers.get(a.applicantId())));
        }
        return new ApplicantsPage(applicants, first, page.nextCursor(A::position));
    }

    CallView ownCall(long posterId, long callId) {
        return views(List.of(own(posterId, callId, false))).get(0);
    }

    /** Shortlists or declines one application of the poster's open call; false if it already stood so. */
    @Override
    @Transactional
    public boolean answer(long posterId, long callId, long applicationId, boolean shortlist) {
        Row call = own(posterId, callId, true);
        if (!"OPEN".equals(call.status())) {
            throw new ApplyException("This call is closed.");
        }
        String status = shortlist ? "SHORTLISTED" : "DECLINED";
        Long applicant = jdbc.sql("select applicant_id from call_application where id = :a and call_id = :c")
                .param("a", applicationId).param("c", callId).query(Long.class).optional().orElseThrow(NotFoundException::new);
        int changed = jdbc.sql("""
                        update call_application set status = :status, updated_at = now()
                        where id = :a and call_id = :c and status <> :status""")
                .param("status", status).param("a", applicationId).param("c", callId).update();
        if (changed > 0) {
            events.publishEvent(new ApplicationAnswered(callId, applicationId, posterId, applicant, call.title(), shortlist));
        }
        return changed > 0;
    }

    /** Closes the poster's open call as filled or cancelled; everyone not declined hears of it. */
    @Transactional
    boolean close(long posterId, long callId, boolean filled) {
        Row call = own(posterId, callId, true);
        if (!"OPEN".equals(call.status())) {
            return false;
        }
        jdbc.sql("update crew_call set status = :s, closed_at = now() where id = :id")
                .param("s", filled ? "FILLED" : "CANCELLED").param("id", callId).update();
        List<Long> applicants = jdbc.sql("select applicant_id from call_application where call_id = :c and status <> 'DECLINED'")
                .param("c", callId).query(Long.class).list();
        events.publishEvent(new CallClosed(callId, posterId, call.title(), filled, applicants));
        return true;
    }

    @Override
    @Transactional
    public long post(long posterId, CallForm form) {
        org.springframework.validation.BeanPropertyBindingResult errors =
                new org.springframework.validation.BeanPropertyBindingResult(form, "form");
        Checked checked = validate(posterId, form, errors)
                .orElseThrow(() -> new IllegalArgumentException(errors.getAllErrors().get(0).getDefaultMessage()));
        return create(posterId, checked).orElseThrow(() -> new IllegalArgumentException("Too many open calls"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> applicationOf(long memberId, long callId) {
        return jdbc.sql("select id from call_application where call_id = :c and applicant_id = :m")
                .param("c", callId).param("m", memberId).query(Long.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from crew_call)").query(Boolean.class).single();
    }

    // --- reports and moderation -------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<com.moviepeople.shared.ReportableContent> reportableCall(long viewerId, long callId) {
        try {
            CallView call = find(viewerId, callId);
            return Optional.of(new com.moviepeople.shared.ReportableContent(call.poster().id(),
                    call.title() + "\n" + call.role() + " · " + call.getPay() + " · " + call.getPlace() + "\n" + call.description(),
                    "/calls/" + call.id()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public boolean remove(long callId, long moderatorId) {
        Optional<Row> call = jdbc.sql(CALL_COLUMNS + """
                        , 0 as applications
                        from crew_call c left join production p on p.id = c.production_id where c.id = :id for update of c""")
                .param("id", callId).query((rs, n) -> row(rs, true)).optional();
        if (call.isEmpty() || !"OPEN".equals(call.get().status())) {
            return false;
        }
        jdbc.sql("update crew_call set status = 'REMOVED', closed_at = now() where id = :id").param("id", callId).update();
        List<Long> applicants = jdbc.sql("select applicant_id from call_application where call_id = :c and status <> 'DECLINED'")
                .param("c", callId).query(Long.class).list();
        events.publishEvent(new CallClosed(callId, call.get().posterId(), call.get().title(), false, applicants));
        return true;
    }

    // --- mine ------------------------------------------------------------------------------

    /** A page of one of the member's own lists, newest first, and the cursor of the next page (null on the last). */
    record MinePage<T>(List<T> items, String next) {
    }

    /** The member's applications before {@code before}, newest first, each with its call: one page. */
    @Transactional(readOnly = true)
    MinePage<MyApplication> myApplications(long memberId, KeysetCursor before, int pageSize) {
        record M(long id, long callId, String status, java.time.Instant at) {
            KeysetCursor position() {
                return new KeysetCursor(at, id);
            }
        }
        List<M> rows = jdbc.sql("""
                        select id, call_id, status, created_at from call_application
                        where applicant_id = :me and (created_at, id) < (:at, :id)
                        order by created_at desc, id desc limit :n""")
                .param("me", memberId).param("at", Timestamp.from(before.at())).param("id", before.id()).param("n", pageSize + 1)
                .query((rs, n) -> new M(rs.getLong("id"), rs.getLong("call_id"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return new MinePage<>(List.of(), null);
        }
        KeysetSlice<M> page = KeysetSlice.of(rows, pageSize);
        List<M> mine = page.rows();
        Map<Long, CallView> calls = new LinkedHashMap<>();
        views(jdbc.sql(CALL_COLUMNS + """
                        , 0 as applications
                        from crew_call c left join production p on p.id = c.production_id where c.id = any(:ids)""")
                .param("ids", mine.stream().mapToLong(M::callId).toArray()).query((rs, n) -> row(rs, true)).list())
                .forEach(c -> calls.put(c.id(), c));
        List<MyApplication> result = new ArrayList<>();
        for (M m : mine) {
            CallView call = calls.get(m.callId());
            if (call != null) {
                result.add(new MyApplication(m.id(), call, m.status(), m.at()));
            }
        }
        return new MinePage<>(result, page.nextCursor(M::position));
    }

    /** The calls the member posted before {@code before}, newest first, with their number of applications: one page. */
    @Transactional(readOnly = true)
    MinePage<CallView> myCalls(long memberId, KeysetCursor before, int pageSize) {
        List<Row> rows = jdbc.sql(CALL_COLUMNS + """
                        , (select count(*) from call_application a where a.call_id = c.id) as applications
                        from crew_call c left join production p on p.id = c.production_id
                        where c.poster_id = :me and c.status <> 'REMOVED' and (c.created_at, c.id) < (:at, :id)
                        order by c.created_at desc, c.id desc limit :n""")
                .param("me", memberId).param("at", Timestamp.from(before.at())).param("id", before.id()).param("n", pageSize + 1)
                .query((rs, n) -> row(rs, true)).list();
        KeysetSlice<Row> page = KeysetSlice.of(rows, pageSize);
        return new MinePage<>(views(page.rows()), page.nextCursor(Row::position));
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String value, String field, String what, Errors errors) {
        if (!StringUtils.hasText(value)) {
            errors.rejectValue(field, field, "Enter " + what + ".");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, field, "Enter " + what + " as a date (YYYY-MM-DD) that exists.");
            return null;
        }
    }

    /** An ISO 4217 code the JDK knows (upper-cased); null otherwise. */
    static String currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks the list's filters; wrong ones are reported in {@code problems} by field. */
    static Filters filters(String role, String location, String from, String to, String paidOnly, Map<String, String> problems) {
        LocalDate first = null;
        LocalDate last = null;
        try {
            first = StringUtils.hasText(from) ? LocalDate.parse(from.strip()) : null;
        } catch (DateTimeParseException e) {
            problems.put("from", "Enter the first day as a date (YYYY-MM-DD) that exists.");
        }
        try {
            last = StringUtils.hasText(to) ? LocalDate.parse(to.strip()) : null;
        } catch (DateTimeParseException e) {
            problems.put("to", "Enter the last day as a date (YYYY-MM-DD) that exists.");
        }
        if (first != null && last != null && last.isBefore(first)) {
            problems.put("to", "The last day comes before the first.");
        }
        String r = trimmed(role);
        String l = trimmed(location);
        if (r != null && r.length() > 60) {
            problems.put("role", "Use up to 60 characters.");
        }
        if (l != null && l.length() > 80) {
            problems.put("location", "Use up to 80 characters.");
        }
        return new Filters(r, l, first, last, "true".equals(paidOnly));
    }
}
