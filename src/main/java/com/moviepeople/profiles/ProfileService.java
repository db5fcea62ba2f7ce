package com.moviepeople.profiles;

import com.moviepeople.shared.Visibility;
import com.moviepeople.availability.AvailabilityStrip;
import com.moviepeople.availability.StripWeeks;
import com.moviepeople.connections.ProfileConnectionRow;
import com.moviepeople.connections.ProfileConnections;

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
    private final com.moviepeople.connections.Connections connections;
    private final com.moviepeople.availability.Availability availability;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The profile page's own read in plain SQL (one statement, no persistence context). */
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ProfileService(ProfileRepository profiles, MemberDirectory members, AccountService accounts,
                   PortfolioService portfolio, Blocks blocks, ApplicationEventPublisher events, Clock clock,
                   org.springframework.jdbc.core.simple.JdbcClient jdbc, com.moviepeople.media.Pictures pictures,
                   com.moviepeople.connections.Connections connections,
                   com.moviepeople.availability.Availability availability) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.connections = connections;
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
        StripWeeks weeks = availability.stripWeeks();
        PageRow row = pageRow(username, viewerId, weeks).orElseThrow(NotFoundException::new);
        ProfileView profile = row.profile();
        if (viewerId != null && viewerId != profile.memberId() && blockedEitherWay.contains(profile.memberId())) {
            return ProfilePage.minimal(profile, blocks.hasBlocked(viewerId, profile.memberId()));
        }
        PrivacySettings privacy = row.privacy();
        Visibility.Viewer viewer = viewerId == null ? Visibility.Viewer.ANONYMOUS
                : viewerId == profile.memberId() ? Visibility.Viewer.OWNER
                : row.connections().pair().connected() ? Visibility.Viewer.CONNECTION : Visibility.Viewer.MEMBER;
        ProfileView shown = new ProfileView(profile.memberId(), profile.username(), profile.displayName(), profile.headline(),
                profile.role(), privacy.location().shows(viewer) ? profile.location() : null, profile.bio(),
                privacy.website().shows(viewer) ? profile.website() : null, profile.photoId());
        PortfolioService.ItemsPage items = portfolio.itemsOf(profile.memberId(), itemsBefore, ITEMS_PER_PAGE);
        // The owner's connections for this viewer: count and relation from the row, the mutual
        // connections (members blocked either way left out, a few names) from the connections module.
        ProfileConnections facts = connections.profileConnections(viewerId, profile.memberId(), row.connections(),
                blockedEitherWay, MUTUAL_SAMPLE);
        return new ProfilePage(shown, items.items(), items.nextCursor(), itemsBefore.isStart(),
                viewer == Visibility.Viewer.OWNER, false, false, privacy.connectionsList().shows(viewer),
                privacy.email().shows(viewer) ? row.verifiedEmail() : null, facts, row.availability().orElse(null));
    }

    /** Mutual connections named on a profile; the rest are counted. */
    static final int MUTUAL_SAMPLE = 3;

    /**
     * The profile page's read: the profile, the owner's privacy choices and their verified address,
     * the owner's connection count and relation to the viewer, and the availability strip the viewer
     * may see (empty when they may not know).
     */
    private record PageRow(ProfileView profile, PrivacySettings privacy, String verifiedEmail,
                           ProfileConnectionRow connections, Optional<AvailabilityStrip> availability) {
    }

    private static final String CONNECTION_PREFIX = "connection_";

    private static final String PAGE_ROW = """
            select p.member_id, p.username, p.display_name, p.headline, p.role, p.location, p.bio, p.website,
                   p.photo_id, p.connections_list_visibility, p.location_visibility, p.website_visibility,
                   p.email_visibility, p.verified_email, %s, strip.answers as strip_answers
            from member_profile p
            cross join lateral mp_profile_connections(cast(:viewer as bigint), p.member_id) cn
            %s
            where p.username = cast(:u as citext)"""
            .formatted(ProfileConnectionRow.columns("cn", CONNECTION_PREFIX), StripWeeks.join("p.member_id", "strip"));

    /**
     * One statement for everything the page reads about its owner besides the portfolio (kept in
     * memory): the documented view {@code member_profile} (V28), with the connections module's
     * {@code mp_profile_connections} (V48) and the availability module's
     * {@code mp_availability_periods} (V49) joined in, where asking their Java APIs cost two more
     * statements per view (issue 17). Their rules stay theirs: the modules' APIs turn the columns
     * into the facts shown.
     */
    private Optional<PageRow> pageRow(String username, Long viewerId, StripWeeks weeks) {
        if (username == null || username.isBlank() || username.strip().length() > com.moviepeople.accounts.UsernameRules.MAX_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql(PAGE_ROW)
                .param("u", username.strip())
                .param("viewer", viewerId, java.sql.Types.BIGINT)
                .param("strip_firsts", weeks.firsts()).param("strip_lasts", weeks.lasts())
                .query((rs, n) -> new PageRow(new ProfileView(rs.getLong("member_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("headline"), rs.getString("role"),
                        rs.getString("location"), rs.getString("bio"), rs.getString("website"), rs.getString("photo_id")),
                        PrivacySettings.of(rs.getString("connections_list_visibility"), rs.getString("location_visibility"),
                                rs.getString("website_visibility"), rs.getString("email_visibility")),
                        rs.getString("verified_email"), ProfileConnectionRow.read(rs, CONNECTION_PREFIX),
                        weeks.strip(rs, "strip_answers")))
                .optional();
    }

    /** The member's choices of who sees what ({@link PrivacySettings#DEFAULT} until they choose). */
    public PrivacySettings privacyOf(long memberId) {
        return jdbc.sql("""
                        select connections_list_visibility, location_visibility, website_visibility, email_visibility
                        from profile where member_id = :m""")
                .param("m", memberId)
                .query((rs, n) -> PrivacySettings.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(PrivacySettings.DEFAULT);
    }

    /**
     * Saves the member's choices; publishes {@link ProfileUpdated} in the same transaction, so lists
     * and the search projection follow at once.
     */
    @Transactional
    public void savePrivacy(long memberId, PrivacySettings settings) {
        jdbc.sql("""
                        insert into profile (member_id, connections_list_visibility, location_visibility, website_visibility, email_visibility)
                        values (:m, :connections, :location, :website, :email)
                        on conflict (member_id) do update set
                            connections_list_visibility = excluded.connections_list_visibility,
                            location_visibility = excluded.location_visibility,
                            website_visibility = excluded.website_visibility,
                            email_visibility = excluded.email_visibility""")
                .param("m", memberId)
                .param("connections", settings.connectionsList().value())
                .param("location", settings.location().value())
                .param("website", settings.website().value())
                .param("email", settings.email().value())
                .update();
        events.publishEvent(new ProfileUpdated(memberId));
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
