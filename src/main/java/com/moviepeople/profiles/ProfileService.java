package com.moviepeople.profiles;

import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.WebUrls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Members' profiles: the public page's data and the owner's edits. The public methods are the module's API. */
@Service
public class ProfileService {

    private final com.moviepeople.media.Pictures pictures;

    static final String WEBSITE_INVALID = "Enter a web address starting with https:// or http://, like https://example.com.";

    private final ProfileRepository profiles;
    private final MemberDirectory members;
    private final AccountService accounts;
    private final PortfolioService portfolio;
    private final Blocks blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The profile page's own read in plain SQL (one statement, no persistence context). */
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ProfileService(ProfileRepository profiles, MemberDirectory members, AccountService accounts,
                   PortfolioService portfolio, Blocks blocks, ApplicationEventPublisher events, Clock clock,
                   org.springframework.jdbc.core.simple.JdbcClient jdbc, com.moviepeople.media.Pictures pictures) {
        this.jdbc = jdbc;
        this.pictures = pictures;
        this.profiles = profiles;
        this.members = members;
        this.accounts = accounts;
        this.portfolio = portfolio;
        this.blocks = blocks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Case-insensitive. One read of the documented view {@code member_profile} (V28: the member and
     * their profile), no transaction needed around it.
     */
    public Optional<ProfileView> findByUsername(String username) {
        if (username == null || username.isBlank() || username.strip().length() > com.moviepeople.accounts.UsernameRules.MAX_LENGTH) {
            return Optional.empty();
        }
        // citext: the parameter is cast, or it would compare as text, case-sensitively.
        return jdbc.sql("""
                        select member_id, username, display_name, headline, role, location, bio, website, photo_id
                        from member_profile where username = cast(:u as citext)""")
                .param("u", username.strip())
                .query((rs, n) -> new ProfileView(rs.getLong("member_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("headline"), rs.getString("role"),
                        rs.getString("location"), rs.getString("bio"), rs.getString("website"), rs.getString("photo_id")))
                .optional();
    }

    public Optional<ProfileView> findById(long memberId) {
        return members.findById(memberId).map(this::viewOf);
    }

    /** Portfolio items per profile page; "More work" pages through the rest. */
    static final int ITEMS_PER_PAGE = 12;

    /**
     * Everything the public profile page shows; {@code viewerId} is null for anonymous visitors,
     * {@code blockedEitherWay} the members the viewer blocked or was blocked by
     * ({@link Blocks#blockedIdsOf}). Between members blocked either way: only the name
     * ({@link ProfilePage#minimal}). Independent single reads: no transaction around them (a
     * read-only transaction costs two round trips of its own).
     */
    ProfilePage page(String username, Long viewerId, java.util.Set<Long> blockedEitherWay, KeysetCursor itemsBefore) {
        ProfileView profile = findByUsername(username).orElseThrow(NotFoundException::new);
        if (viewerId != null && viewerId != profile.memberId() && blockedEitherWay.contains(profile.memberId())) {
            return ProfilePage.minimal(profile, blocks.hasBlocked(viewerId, profile.memberId()));
        }
        PortfolioService.ItemsPage items = portfolio.itemsOf(profile.memberId(), itemsBefore, ITEMS_PER_PAGE);
        return new ProfilePage(profile, items.items(), items.nextCursor(), itemsBefore.isStart(),
                viewerId != null && viewerId == profile.memberId());
    }

    /** The edit form filled with the member's current profile. */
    @Transactional(readOnly = true)
    ProfileForm formFor(long memberId) {
        ProfileView p = findById(memberId).orElseThrow(NotFoundException::new);
        return new ProfileForm(p.displayName(), p.headline(), p.role(), p.location(), p.bio(), p.website());
    }

    @Transactional(readOnly = true)
    long portfolioCount(long memberId) {
        return portfolio.countOf(memberId);
    }

    /** The rules an annotation cannot express; adds field errors to {@code errors}. */
    void validate(ProfileForm form, Errors errors) {
        if (!errors.hasFieldErrors("website") && !websiteAcceptable(form.website())) {
            errors.rejectValue("website", "website.invalid", WEBSITE_INVALID);
        }
    }

    /**
     * Saves the display name and the profile in one transaction: both or neither. Publishes
     * {@link ProfileUpdated} in that transaction.
     *
     * @throws IllegalArgumentException for a website {@link #validate} would refuse
     */
    @Transactional
    public void save(long memberId, ProfileForm form) {
        if (!websiteAcceptable(form.website())) {
            throw new IllegalArgumentException(WEBSITE_INVALID);
        }
        accounts.changeDisplayName(memberId, form.displayName());
        profiles.upsert(memberId, blankToNull(form.headline()), blankToNull(form.role()), blankToNull(form.location()),
                blankToNull(form.bio()), blankToNull(form.website()), Instant.now(clock));
        events.publishEvent(new ProfileUpdated(memberId));
    }

    /**
     * Replaces the member's photo with {@code upload} (checked and re-encoded by the media module);
     * the old one's files go once this commits. Nothing changes if the picture is refused.
     *
     * @throws com.moviepeople.media.InvalidPictureException with the message for the form
     */
    @Transactional
    public void setPhoto(long memberId, org.springframework.core.io.InputStreamSource upload) {
        String old = lockPhoto(memberId);
        com.moviepeople.media.Picture picture = pictures.store(memberId, upload, com.moviepeople.media.PictureKind.PHOTO);
        jdbc.sql("update profile set photo_id = :photo, updated_at = :now where member_id = :m")
                .param("photo", picture.id()).param("now", java.sql.Timestamp.from(Instant.now(clock))).param("m", memberId).update();
        if (old != null) {
            pictures.delete(java.util.List.of(old));
        }
        events.publishEvent(new ProfileUpdated(memberId));
    }

    /** Removes the member's photo (the initials show again); false if there was none. */
    @Transactional
    public boolean deletePhoto(long memberId) {
        String old = lockPhoto(memberId);
        if (old == null) {
            return false;
        }
        jdbc.sql("update profile set photo_id = null where member_id = :m").param("m", memberId).update();
        pictures.delete(java.util.List.of(old));
        events.publishEvent(new ProfileUpdated(memberId));
        return true;
    }

    /** The member's profile row, created if needed and locked for this transaction; its photo id. */
    private String lockPhoto(long memberId) {
        jdbc.sql("insert into profile (member_id) values (:m) on conflict do nothing").param("m", memberId).update();
        return jdbc.sql("select photo_id from profile where member_id = :m for update")
                .param("m", memberId).query(String.class).optional().orElse(null);
    }

    private static boolean websiteAcceptable(String website) {
        return !StringUtils.hasText(website)
                || (website.length() <= ProfileForm.WEBSITE_MAX && WebUrls.parseHttp(website).isPresent());
    }

    private ProfileView viewOf(MemberSummary member) {
        return jdbc.sql("select headline, role, location, bio, website, photo_id from profile where member_id = :id")
                .param("id", member.id())
                .query((rs, n) -> new ProfileView(member.id(), member.username(), member.displayName(), rs.getString("headline"),
                        rs.getString("role"), rs.getString("location"), rs.getString("bio"), rs.getString("website"),
                        rs.getString("photo_id")))
                .optional()
                .orElseGet(() -> toView(member, null));
    }

    static ProfileView toView(MemberSummary member, Profile profile) {
        if (profile == null) {
            return new ProfileView(member.id(), member.username(), member.displayName(), null, null, null, null, null, null);
        }
        return new ProfileView(member.id(), member.username(), member.displayName(), profile.getHeadline(),
                profile.getRole(), profile.getLocation(), profile.getBio(), profile.getWebsite(), null);
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s : null;
    }
}
