package com.moviepeople.availability;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The availability module's API for other modules: answers only, never ranges or notes, and
 * only to viewers the member's visibility lets know ({@code mp_availability} decides, V30).
 */
@Service
public class Availability {

    private final AvailabilityRepository repository;
    private final AvailabilityService service;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Availability(AvailabilityRepository repository, AvailabilityService service, Clock clock,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Adds a range for {@code memberId} under the same rules as the form (for the demo community);
     * throws IllegalArgumentException for a range the form would refuse, including an overlap.
     */
    public void add(long memberId, LocalDate first, LocalDate last, AvailabilityStatus status, Integer holdRank, String note) {
        AvailabilityForm form = new AvailabilityForm(first.toString(), last.toString(), status.getValue(),
                holdRank == null ? "" : holdRank.toString(), note);
        org.springframework.validation.BeanPropertyBindingResult errors =
                new org.springframework.validation.BeanPropertyBindingResult(form, "form");
        AvailabilityService.Checked checked = service.validate(form, errors)
                .orElseThrow(() -> new IllegalArgumentException(errors.getAllErrors().toString()));
        try {
            service.add(memberId, checked);
        } catch (AvailabilityService.OverlapException e) {
            throw new IllegalArgumentException("Overlaps another range of member " + memberId);
        }
    }

    /** Who may see {@code memberId}'s answers from now on. */
    public void setVisibility(long memberId, AvailabilityVisibility visibility) {
        service.setVisibility(memberId, visibility);
    }

    /** Whether {@code memberId} keeps any range ending today or later. */
    @Transactional(readOnly = true)
    public boolean hasUpcoming(long memberId) {
        return repository.countUpcoming(memberId, today()) > 0;
    }

    /** Today as availability counts it (UTC), for parsing asked periods. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The next {@value AvailabilityStrip#WEEKS} weeks of {@code ownerId} as {@code viewerId} may
     * see them (the owner always may); empty when the viewer may not know, or is not logged in.
     * One statement, so no transaction around it (a read-only transaction costs two round trips
     * of its own). The profile page reads the same within its own statement ({@link #stripWeeks}).
     */
    public Optional<AvailabilityStrip> strip(long ownerId, Long viewerId) {
        if (viewerId == null) {
            return Optional.empty();
        }
        StripWeeks weeks = stripWeeks();
        return weeks.strip(repository.answers(ownerId, viewerId, weeks.weeks()));
    }

    /**
     * The weeks of the profile's strip as of today (the first from today to Sunday, the others
     * Monday to Sunday), for a statement of another module that joins their answers in
     * ({@link StripWeeks}, as the profile page does): {@link #strip} without a statement of its own.
     */
    public StripWeeks stripWeeks() {
        LocalDate today = today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<AvailabilityPeriod> weeks = new ArrayList<>();
        for (int i = 0; i < AvailabilityStrip.WEEKS; i++) {
            LocalDate first = monday.plusWeeks(i);
            weeks.add(new AvailabilityPeriod(first.isBefore(today) ? today : first, first.plusDays(6)));
        }
        return new StripWeeks(weeks);
    }

    /**
     * What each of {@code ownerIds} tells {@code viewerId} about {@code period}, in one statement;
     * members who do not let the viewer know are left out. (Blocks are the caller's business.)
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, AvailabilityAnswer> answers(java.util.Collection<Long> ownerIds, long viewerId, AvailabilityPeriod period) {
        if (ownerIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, AvailabilityAnswer> found = new java.util.HashMap<>();
        jdbc.sql("select m, mp_availability(m, :viewer, :first, :last) as answer from unnest(:ids) as m")
                .param("viewer", viewerId).param("first", java.sql.Date.valueOf(period.first()))
                .param("last", java.sql.Date.valueOf(period.last()))
                .param("ids", ownerIds.stream().mapToLong(Long::longValue).distinct().toArray())
                .query((rs, n) -> {
                    long member = rs.getLong("m");
                    AvailabilityAnswer.fromSql(rs.getString("answer")).ifPresent(a -> found.put(member, a));
                    return null;
                }).list();
        return found;
    }

    /** What {@code ownerId} tells {@code viewerId} about {@code period}; empty when the viewer may not know. */
    @Transactional(readOnly = true)
    public Optional<AvailabilityAnswer> answer(long ownerId, Long viewerId, AvailabilityPeriod period) {
        if (viewerId == null) {
            return Optional.empty();
        }
        List<String> answers = repository.answers(ownerId, viewerId, List.of(period));
        return answers.isEmpty() ? Optional.empty() : AvailabilityAnswer.fromSql(answers.get(0));
    }
}
