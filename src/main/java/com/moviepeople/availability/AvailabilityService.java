package com.moviepeople.availability;

import com.moviepeople.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member's own ranges and settings. Every method takes the acting member and touches only
 * their rows: another member's range id is simply not found.
 */
@Service
class AvailabilityService {

    /** Upcoming ranges one member may keep (a day each for over half a year). */
    static final int MAX_RANGES = 200;
    /** A range is shorter than this many years. */
    static final int MAX_YEARS_LONG = 2;

    /** A feed token: 32 random bytes, base64url without padding. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AvailabilityRepository repository;
    private final Clock clock;

    AvailabilityService(AvailabilityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Today's date, the same for every member (UTC): the day past ranges drop out. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    List<AvailabilityRange> upcoming(long memberId) {
        return repository.upcoming(memberId, today());
    }

    @Transactional(readOnly = true)
    AvailabilityRange find(long memberId, long id) {
        return repository.find(memberId, id).orElseThrow(NotFoundException::new);
    }

    /** A checked range, ready to store. */
    record Checked(LocalDate start, LocalDate end, AvailabilityStatus status, Integer holdRank, String note) {
    }

    /**
     * The form's rules, with a message next to each wrong field: real dates, end not before start,
     * not over, at most three years ahead, shorter than two years, a known status, a rank for a
     * hold, a short note. Overlaps are checked when storing. Empty when anything is wrong.
     */
    Optional<Checked> validate(AvailabilityForm form, Errors errors) {
        LocalDate today = today();
        Optional<LocalDate> start = AvailabilityPeriod.date(form.startDate());
        Optional<LocalDate> end = AvailabilityPeriod.date(form.endDate());
        if (form.startDate().isEmpty()) {
            errors.rejectValue("startDate", "required", "Enter the first day.");
        } else if (start.isEmpty()) {
            errors.rejectValue("startDate", "date", AvailabilityPeriod.notADate(form.startDate()));
        }
        if (form.endDate().isEmpty()) {
            errors.rejectValue("endDate", "required", "Enter the last day (the same day for one day).");
        } else if (end.isEmpty()) {
            errors.rejectValue("endDate", "date", AvailabilityPeriod.notADate(form.endDate()));
        }
        if (start.isPresent() && end.isPresent()) {
            LocalDate latest = today.plusYears(AvailabilityPeriod.YEARS_AHEAD);
            if (end.get().isBefore(start.get())) {
                errors.rejectValue("endDate", "order", "The last day is before the first.");
            } else if (end.get().isBefore(today)) {
                errors.rejectValue("endDate", "past", "This range is over: past days are not kept.");
            } else if (end.get().isAfter(latest)) {
                errors.rejectValue("endDate", "ahead", "At most " + AvailabilityPeriod.YEARS_AHEAD
                        + " years ahead: end on " + latest + " at the latest.");
            } else if (!end.get().isBefore(start.get().plusYears(MAX_YEARS_LONG))) {
                errors.rejectValue("endDate", "long", "A range is at most two years long: end before "
                        + start.get().plusYears(MAX_YEARS_LONG) + ".");
            }
        }
        Optional<AvailabilityStatus> status = AvailabilityStatus.fromValue(form.status());
        if (status.isEmpty()) {
            errors.rejectValue("status", "status", "Choose available, on hold or booked.");
        }
        Integer rank = null;
        if (status.orElse(null) == AvailabilityStatus.HOLD) {
            if (form.holdRank().equals("1") || form.holdRank().equals("2")) {
                rank = Integer.valueOf(form.holdRank());
            } else {
                errors.rejectValue("holdRank", "rank", "Choose first or second hold.");
            }
        }
        if (form.note().codePointCount(0, form.note().length()) > AvailabilityForm.NOTE_MAX) {
            errors.rejectValue("note", "length", "A note is at most " + AvailabilityForm.NOTE_MAX + " characters.");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(start.get(), end.get(), status.get(), rank, form.note().isEmpty() ? null : form.note()));
    }

    /** Adds a range; its days must be free of my other ranges. */
    @Transactional
    long add(long memberId, Checked range) {
        repository.lockMember(memberId);
        if (repository.countUpcoming(memberId, today()) >= MAX_RANGES) {
            throw new TooManyRangesException();
        }
        checkOverlap(memberId, range, 0);
        try {
            return repository.insert(memberId, range.start(), range.end(), range.status(), range.holdRank(), range.note());
        } catch (DataIntegrityViolationException e) {
            throw OverlapException.orRethrow(e);
        }
    }

    /** Changes one of my ranges (404 for anyone else's). */
    @Transactional
    void update(long memberId, long id, Checked range) {
        repository.lockMember(memberId);
        repository.find(memberId, id).orElseThrow(NotFoundException::new);
        checkOverlap(memberId, range, id);
        try {
            if (!repository.update(memberId, id, range.start(), range.end(), range.status(), range.holdRank(), range.note())) {
                throw new NotFoundException();
            }
        } catch (DataIntegrityViolationException e) {
            throw OverlapException.orRethrow(e);
        }
    }

    @Transactional
    void delete(long memberId, long id) {
        if (!repository.delete(memberId, id)) {
            throw new NotFoundException();
        }
    }

    private void checkOverlap(long memberId, Checked range, long exceptId) {
        repository.firstOverlap(memberId, range.start(), range.end(), exceptId).ifPresent(other -> {
            throw new OverlapException(other);
        });
    }

    @Transactional(readOnly = true)
    AvailabilityRepository.Setting setting(long memberId) {
        return repository.setting(memberId);
    }

    @Transactional
    void setVisibility(long memberId, AvailabilityVisibility visibility) {
        repository.saveVisibility(memberId, visibility);
    }

    /** A new feed address for me; the old one stops answering. Returns the token (shown once, stored hashed). */
    @Transactional
    String renewFeed(long memberId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.saveFeedTokenHash(memberId, hash(token));
        return token;
    }

    @Transactional
    void stopFeed(long memberId) {
        repository.saveFeedTokenHash(memberId, null);
    }

    /** The upcoming ranges of the feed with this token; empty for a malformed, unknown or renewed one. */
    @Transactional(readOnly = true)
    Optional<List<AvailabilityRange>> feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return repository.feed(hash(token), today());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The range would share days with another of the member's ranges ({@code other}, or null when only the database saw it). */
    static final class OverlapException extends RuntimeException {
        private final transient AvailabilityRange other;

        OverlapException(AvailabilityRange other) {
            super(null, null, false, false);
            this.other = other;
        }

        AvailabilityRange other() {
            return other;
        }

        static RuntimeException orRethrow(DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            return message.contains("availability_range_no_overlap") ? new OverlapException(null) : e;
        }
    }

    static final class TooManyRangesException extends RuntimeException {
        TooManyRangesException() {
            super(null, null, false, false);
        }
    }
}
