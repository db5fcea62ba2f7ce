package com.moviepeople.portfolio;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.moviepeople.credits.CreditRemoved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The first page of each member's portfolio as the profile page lists it, kept in memory like the
 * credits and member cards: the profile is the most visited page, and without this its items would
 * be one more statement on every view. An entry is dropped on this instance once a change to the
 * member's items or stills commits, and every entry is read again at least once a minute, which
 * bounds how long another instance may show an old list. Nothing here decides who may see what:
 * items are public wherever the profile is, and the profile's own checks (blocks, privacy) run per
 * request before the items are asked for.
 */
@Component
class PortfolioCache {

    static final Duration REFRESH = Duration.ofMinutes(1);

    /** Weighed by text length (chars), so a few long descriptions cannot crowd the heap. */
    private static final long MAX_CHARS = 16_000_000;

    /** A page of items and the page size it was read with (another size reads the database). */
    private record Entry(int limit, PortfolioService.ItemsPage page) {
    }

    /** A still was added to or removed from one of the member's items (no other module cares). */
    record StillsChanged(long ownerId) {
    }

    private final Cache<Long, Entry> firstPages = Caffeine.newBuilder()
            .expireAfterWrite(REFRESH)
            .maximumWeight(MAX_CHARS)
            .weigher((Long owner, Entry entry) -> weight(entry.page()))
            .build();

    /** The member's first page of {@code limit} items: from memory, or read by {@code load} and kept. */
    PortfolioService.ItemsPage firstPage(long ownerId, int limit, Supplier<PortfolioService.ItemsPage> load) {
        Entry cached = firstPages.getIfPresent(ownerId);
        if (cached != null && cached.limit() == limit) {
            return cached.page();
        }
        // Loaded inside the cache's compute: an invalidation arriving meanwhile waits for it, then drops it.
        return firstPages.asMap().compute(ownerId, (id, old) ->
                old != null && old.limit() == limit ? old : new Entry(limit, load.get())).page();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PortfolioItemAdded event) {
        firstPages.invalidate(event.ownerId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PortfolioItemUpdated event) {
        firstPages.invalidate(event.ownerId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PortfolioItemRemoved event) {
        firstPages.invalidate(event.ownerId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StillsChanged event) {
        firstPages.invalidate(event.ownerId());
    }

    /** The database unlinks the credit from its items (ON DELETE SET NULL). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditRemoved event) {
        firstPages.invalidate(event.memberId());
    }

    /** Forgets everything (tests that restart the ids). */
    void clear() {
        firstPages.invalidateAll();
    }

    private static int weight(PortfolioService.ItemsPage page) {
        long chars = 64;
        for (PortfolioItemView item : page.items()) {
            chars += 256 + length(item.title()) + length(item.description()) + 2L * length(item.mediaUrl())
                    + 64L * item.stills().size();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
