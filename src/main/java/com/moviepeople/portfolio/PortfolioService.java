package com.moviepeople.portfolio;

import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Members' portfolio items. The public methods are the module's API (the profile page lists
 * items, the demo community adds some); changing an item always goes through an ownership check
 * here, so someone else's item is "not found" whatever the page offers.
 */
@Service
public class PortfolioService {

    private final PortfolioItemRepository items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final com.moviepeople.credits.Credits credits;

    PortfolioService(PortfolioItemRepository items, ApplicationEventPublisher events, Clock clock,
                     org.springframework.jdbc.core.simple.JdbcClient jdbc, com.moviepeople.credits.Credits credits) {
        this.jdbc = jdbc;
        this.credits = credits;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** The most items a member keeps: a portfolio is a selection, and a profile page stays light. */
    public static final int MAX_ITEMS = 200;

    /** One page of a member's items, newest first, and the cursor of the next page (null on the last). */
    public record ItemsPage(List<PortfolioItemView> items, String nextCursor) {
    }

    /**
     * Up to {@code limit} of the member's items older than {@code before}, newest first: one
     * statement on the index (owner_id, created_at desc, id desc), plain SQL (the profile page's read).
     */
    public ItemsPage itemsOf(long ownerId, KeysetCursor before, int limit) {
        List<PortfolioItemView> found = jdbc.sql("""
                        select id, owner_id, title, description, media_url, year, credit_role, created_at, credit_id
                        from portfolio_item
                        where owner_id = :owner and (created_at, id) < (:at, :id)
                        order by created_at desc, id desc
                        limit :n""")
                .param("owner", ownerId).param("at", java.sql.Timestamp.from(before.at())).param("id", before.id())
                .param("n", limit + 1)
                .query((rs, n) -> view(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("media_url"), (Integer) rs.getObject("year"),
                        rs.getString("credit_role"), rs.getTimestamp("created_at").toInstant(),
                        (Long) rs.getObject("credit_id")))
                .list();
        boolean more = found.size() > limit;
        List<PortfolioItemView> page = more ? found.subList(0, limit) : found;
        PortfolioItemView last = more ? page.get(page.size() - 1) : null;
        return new ItemsPage(page, last == null ? null : new KeysetCursor(last.createdAt(), last.id()).encode());
    }

    @Transactional(readOnly = true)
    public long countOf(long ownerId) {
        return items.countByOwnerId(ownerId);
    }

    @Transactional(readOnly = true)
    public Optional<PortfolioItemView> findById(long itemId) {
        return items.findById(itemId).map(PortfolioService::toView);
    }

    /** The media URL's rules, and that a linked credit is the member's own; adds field errors to {@code errors}. */
    void validate(long ownerId, PortfolioItemForm form, Errors errors) {
        validate(form, errors);
        if (form.creditId() != null && !credits.ownsCredit(ownerId, form.creditId())) {
            errors.rejectValue("creditId", "creditId.notYours", "Choose one of your credits, or none.");
        }
    }

    /** The media URL's rules; adds a field error to {@code errors}. */
    void validate(PortfolioItemForm form, Errors errors) {
        try {
            MediaUrls.parse(form.mediaUrl());
        } catch (MediaUrls.InvalidMediaUrlException e) {
            errors.rejectValue("mediaUrl", "mediaUrl.invalid", e.getMessage());
        }
    }

    /**
     * Adds an item and publishes {@link PortfolioItemAdded} once.
     *
     * @throws IllegalArgumentException for a media URL that {@link #validate} would refuse, or a credit not the owner's
     */
    @Transactional
    public PortfolioItemView add(long ownerId, PortfolioItemForm form) {
        checkCredit(ownerId, form);
        if (items.countByOwnerId(ownerId) >= MAX_ITEMS) {
            throw new PortfolioFullException();
        }
        PortfolioItem item = new PortfolioItem(ownerId, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        item.apply(form, mediaKindOf(form));
        items.saveAndFlush(item);
        events.publishEvent(new PortfolioItemAdded(item.getId(), ownerId, item.getTitle(), item.getMediaUrl(),
                item.getCreatedAt()));
        return toView(item);
    }

    /** The edit form of one of the member's own items. */
    @Transactional(readOnly = true)
    PortfolioItemForm formFor(long ownerId, long itemId) {
        PortfolioItem item = own(ownerId, itemId);
        return new PortfolioItemForm(item.getTitle(), item.getDescription(), item.getMediaUrl(), item.getYear(),
                item.getCreditRole(), item.getCreditId());
    }

    @Transactional
    void update(long ownerId, long itemId, PortfolioItemForm form) {
        PortfolioItem item = own(ownerId, itemId);
        checkCredit(ownerId, form);
        item.apply(form, mediaKindOf(form));
        items.flush();
        events.publishEvent(new PortfolioItemUpdated(item.getId(), ownerId, item.getTitle(), item.getMediaUrl()));
    }

    @Transactional
    void delete(long ownerId, long itemId) {
        if (items.deleteOwned(itemId, ownerId) == 0) {
            throw new NotFoundException();
        }
        events.publishEvent(new PortfolioItemRemoved(itemId, ownerId));
    }

    /** Second line behind {@link #validate(long, PortfolioItemForm, Errors)}: never someone else's credit. */
    private void checkCredit(long ownerId, PortfolioItemForm form) {
        if (form.creditId() != null && !credits.ownsCredit(ownerId, form.creditId())) {
            throw new IllegalArgumentException("not the member's credit");
        }
    }

    /** The member's credits to choose from on the item form. */
    java.util.List<com.moviepeople.credits.Credits.CreditOption> creditOptions(long ownerId) {
        return credits.creditsOf(ownerId);
    }

    /** Someone else's item answers exactly like a missing one. */
    private PortfolioItem own(long ownerId, long itemId) {
        return items.findByIdAndOwnerId(itemId, ownerId).orElseThrow(NotFoundException::new);
    }

    private static MediaKind mediaKindOf(PortfolioItemForm form) {
        try {
            return MediaUrls.parse(form.mediaUrl()).map(Media::kind).orElse(null);
        } catch (MediaUrls.InvalidMediaUrlException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static PortfolioItemView toView(PortfolioItem item) {
        return view(item.getId(), item.getOwnerId(), item.getTitle(), item.getDescription(), item.getMediaUrl(),
                item.getYear(), item.getCreditRole(), item.getCreatedAt(), item.getCreditId());
    }

    private static PortfolioItemView view(long id, long ownerId, String title, String description, String mediaUrl,
                                          Integer year, String creditRole, Instant createdAt, Long creditId) {
        Media media;
        try {
            media = MediaUrls.parse(mediaUrl).orElse(null);
        } catch (MediaUrls.InvalidMediaUrlException e) {
            // Accepted once under older rules: show nothing rather than something unsafe.
            media = null;
        }
        return new PortfolioItemView(id, ownerId, title, description, mediaUrl, media, year, creditRole, createdAt, creditId);
    }
}
