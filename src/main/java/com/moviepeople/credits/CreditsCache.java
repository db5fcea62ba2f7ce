package com.moviepeople.credits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.moviepeople.accounts.MemberDeleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What the profile page needs of the credits, kept in memory like the member cards (the profile is
 * the most visited page, and without this the credits would be one more statement on it): a
 * member's credits with all their confirmations, and the productions a member is credited on (for
 * "You both worked on" and the Confirm buttons). An entry is dropped on this instance once a change
 * to it commits (the module's own events), and every entry is read again at least once a minute,
 * which bounds how long another instance may show an old list. Nothing here decides who may see or
 * do what: hidden confirmations and blocked members are filtered per request
 * ({@link CreditService#profileCredits}), and every write checks the database.
 */
@Component
class CreditsCache {

    static final Duration REFRESH = Duration.ofMinutes(1);

    /** A credit with every confirmation of it (oldest first), whatever the viewer. */
    record OwnerCredit(long id, long memberId, String role, String department, String note, ProductionRef production,
                       List<Long> confirmers, List<Boolean> hidden) {
    }

    /** The owner showed a hidden confirmation again (no other module cares). */
    record ConfirmationShown(long ownerId) {
    }

    private final Cache<Long, List<OwnerCredit>> creditsByOwner = Caffeine.newBuilder()
            .expireAfterWrite(REFRESH).maximumSize(50_000).build();
    private final Cache<Long, Set<Long>> productionsByMember = Caffeine.newBuilder()
            .expireAfterWrite(REFRESH).maximumSize(100_000).build();

    List<OwnerCredit> creditsOf(long ownerId, LongFunction<List<OwnerCredit>> load) {
        return creditsByOwner.get(ownerId, id -> List.copyOf(load.apply(id)));
    }

    Set<Long> productionsOf(long memberId, LongFunction<Set<Long>> load) {
        return productionsByMember.get(memberId, load::apply);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditAdded event) {
        creditsByOwner.invalidate(event.memberId());
        productionsByMember.invalidate(event.memberId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditRemoved event) {
        creditsByOwner.invalidate(event.memberId());
        productionsByMember.invalidate(event.memberId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditConfirmed event) {
        creditsByOwner.invalidate(event.ownerId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditUnconfirmed event) {
        creditsByOwner.invalidate(event.ownerId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConfirmationShown event) {
        creditsByOwner.invalidate(event.ownerId());
    }

    /** The database removed the member's credits and confirmations (cascades): other members' lists change too. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberDeleted event) {
        creditsByOwner.invalidateAll();
        productionsByMember.invalidateAll();
    }

    void clear() {
        creditsByOwner.invalidateAll();
        productionsByMember.invalidateAll();
    }
}
