package com.moviepeople.portfolio;

import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;
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

    private final com.moviepeople.media.Pictures pictures;

    private final PortfolioCache cache;

    PortfolioService(PortfolioItemRepository items, ApplicationEventPublisher events, Clock clock,
                     org.springframework.jdbc.core.simple.JdbcClient jdbc, com.moviepeople.credits.Credits credits,
                     com.moviepeople.media.Pictures pictures, PortfolioCache cache) {
        this.pictures = pictures;
        this.cache = cache;
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
     * The first page comes from {@link PortfolioCache} when it holds it (at most a minute old when
     * another instance changed the items; never after a change made here).
     */
    public ItemsPage itemsOf(long ownerId, KeysetCursor before, int limit) {
        if (before.isStart()) {
            return cache.firstPage(ownerId, limit, () -> read(ownerId, before, limit));
        }
        return read(ownerId, before, limit);
    }

    private ItemsPage read(long ownerId, KeysetCursor before, int limit) {
        List<PortfolioItemView> found = jdbc.sql("""
                        select id, owner_id, title, description, media_url, year, credit_role, created_at, credit_id,
                               -- the stills in the same statement: "id:picture:width:height", oldest first
                               array(select s.id || ':' || s.picture_id || ':' || s.width || ':' || s.height
                                     from portfolio_still s where s.item_id = portfolio_item.id order by s.id) as stills
                        from portfolio_item
                        where owner_id = :owner and (created_at, id) < (:at, :id)
                        order by created_at desc, id desc
                        limit :n""")
                .param("owner", ownerId).param("at", java.sql.Timestamp.from(before.at())).param("id", before.id())
                .param("n", limit + 1)
                .query((rs, n) -> view(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("media_url"), (Integer) rs.getObject("year"),
                        rs.getString("credit_role"), rs.getTimestamp("created_at").toInstant(),
                        (Long) rs.getObject("credit_id"), stills((String[]) rs.getArray("stills").getArray())))
                .list();
        KeysetSlice<PortfolioItemView> page = KeysetSlice.of(found, limit);
        return new ItemsPage(List.copyOf(page.rows()), page.nextCursor(last -> new KeysetCursor(last.createdAt(), last.id())));
    }

    /** A portfolio item as a list names it. */
    public record ItemRef(long id, long ownerId, String title) {
    }

    /** Many items in one statement, keyed by id; unknown ids are left out. */
    public java.util.Map<Long, ItemRef> refs(java.util.Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, ItemRef> found = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, owner_id, title from portfolio_item where id = any(:ids)")
                .param("ids", itemIds.stream().mapToLong(Long::longValue).distinct().toArray())
                .query((rs, n) -> new ItemRef(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title")))
                .list().forEach(r -> found.put(r.id(), r));
        return found;
    }

    /** The member's newest items (at most {@code limit}), to choose from. */
    public List<ItemRef> refsOf(long ownerId, int limit) {
        return jdbc.sql("select id, owner_id, title from portfolio_item where owner_id = :o order by created_at desc, id desc limit :n")
                .param("o", ownerId).param("n", limit)
                .query((rs, n) -> new ItemRef(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"))).list();
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
        List<String> stillPictures = jdbc.sql("""
                        select s.picture_id from portfolio_still s join portfolio_item i on i.id = s.item_id
                        where s.item_id = :item and i.owner_id = :owner""")
                .param("item", itemId).param("owner", ownerId).query(String.class).list();
        if (items.deleteOwned(itemId, ownerId) == 0) {
            throw new NotFoundException();
        }
        // The rows went with the item (ON DELETE CASCADE); the files go once this commits.
        pictures.delete(stillPictures);
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
                item.getYear(), item.getCreditRole(), item.getCreatedAt(), item.getCreditId(), List.of());
    }

    private static List<Still> stills(String[] encoded) {
        List<Still> stills = new java.util.ArrayList<>(encoded.length);
        for (String s : encoded) {
            String[] parts = s.split(":");
            stills.add(new Still(Long.parseLong(parts[0]), parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        }
        return List.copyOf(stills);
    }

    // --- stills ------------------------------------------------------------------------------

    /** The most stills an item shows. */
    public static final int MAX_STILLS = 10;

    /** The item's stills, oldest first, for its owner's edit page ("not yours" for anyone else). */
    @Transactional(readOnly = true)
    List<Still> stillsOf(long ownerId, long itemId) {
        own(ownerId, itemId);
        return jdbc.sql("select id, picture_id, width, height from portfolio_still where item_id = :item order by id")
                .param("item", itemId)
                .query((rs, n) -> new Still(rs.getLong("id"), rs.getString("picture_id"), rs.getInt("width"), rs.getInt("height")))
                .list();
    }

    /**
     * Adds a still to the owner's item (checked and re-encoded by the media module). The item's row
     * is locked, so two uploads at once cannot pass the limit of {@link #MAX_STILLS}.
     *
     * @throws NotFoundException                              not the member's item
     * @throws com.moviepeople.media.InvalidPictureException not a picture we take, or the item is full
     */
    @Transactional
    public Still addStill(long ownerId, long itemId, org.springframework.core.io.InputStreamSource image) {
        jdbc.sql("select id from portfolio_item where id = :id and owner_id = :owner for update")
                .param("id", itemId).param("owner", ownerId).query(Long.class).optional().orElseThrow(NotFoundException::new);
        long count = jdbc.sql("select count(*) from portfolio_still where item_id = :item").param("item", itemId)
                .query(Long.class).single();
        if (count >= MAX_STILLS) {
            throw new com.moviepeople.media.InvalidPictureException("This piece of work already has " + MAX_STILLS
                    + " stills, the most it can show. Remove one to add another.");
        }
        com.moviepeople.media.Picture picture = pictures.store(ownerId, image, com.moviepeople.media.PictureKind.STILL);
        long id = jdbc.sql("""
                        insert into portfolio_still (item_id, picture_id, width, height) values (:item, :picture, :w, :h)
                        returning id""")
                .param("item", itemId).param("picture", picture.id()).param("w", picture.width()).param("h", picture.height())
                .query(Long.class).single();
        events.publishEvent(new PortfolioCache.StillsChanged(ownerId));
        return new Still(id, picture.id(), picture.width(), picture.height());
    }

    /** Removes one still of the owner's item, and its files once this commits. */
    @Transactional
    void deleteStill(long ownerId, long itemId, long stillId) {
        String picture = jdbc.sql("""
                        delete from portfolio_still s using portfolio_item i
                        where s.id = :still and s.item_id = :item and i.id = s.item_id and i.owner_id = :owner
                        returning s.picture_id""")
                .param("still", stillId).param("item", itemId).param("owner", ownerId)
                .query(String.class).optional().orElseThrow(NotFoundException::new);
        pictures.delete(List.of(picture));
        events.publishEvent(new PortfolioCache.StillsChanged(ownerId));
    }

    private static PortfolioItemView view(long id, long ownerId, String title, String description, String mediaUrl,
                                          Integer year, String creditRole, Instant createdAt, Long creditId, List<Still> stills) {
        Media media;
        try {
            media = MediaUrls.parse(mediaUrl).orElse(null);
        } catch (MediaUrls.InvalidMediaUrlException e) {
            // Accepted once under older rules: show nothing rather than something unsafe.
            media = null;
        }
        return new PortfolioItemView(id, ownerId, title, description, mediaUrl, media, year, creditRole, createdAt, creditId, stills);
    }
}
