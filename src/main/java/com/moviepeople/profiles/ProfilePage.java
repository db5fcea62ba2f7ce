package com.moviepeople.profiles;

import com.moviepeople.availability.AvailabilityStrip;
import com.moviepeople.connections.ProfileConnections;
import com.moviepeople.portfolio.PortfolioItemView;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * The public profile page: the profile, its portfolio (newest first), and whether the viewer owns
 * it. Between members blocked either way it is only a minimal card (the name), and
 * {@code blockedByViewer} tells whether the viewer may lift the block. The profile's location and
 * website are already left out where the owner's {@link PrivacySettings} hide them from this viewer;
 * {@code connectionsShown} says whether the viewer may see the owner's connections (count and names),
 * {@code email} is the verified address when the viewer may see it, else null. {@code connections}
 * are the owner's connection facts for this viewer (for anonymous visitors only the count), and
 * {@code availabilityStrip} the next weeks when the viewer may know them, else null.
 */
record ProfilePage(ProfileView profile, List<PortfolioItemView> items, String itemsNext, boolean itemsFromStart,
                   boolean own, boolean blocked, boolean blockedByViewer, boolean connectionsShown, String email,
                   ProfileConnections connections, AvailabilityStrip availabilityStrip) {

    /** What a member blocked either way sees: the name and username, nothing else. */
    static ProfilePage minimal(ProfileView profile, boolean blockedByViewer) {
        return new ProfilePage(new ProfileView(profile.memberId(), profile.username(), profile.displayName(),
                null, null, null, null, null, null), List.of(), null, true, false, true, blockedByViewer, false, null,
                ProfileConnections.NONE, null);
    }

    /** "Name — Role · Headline", for the page title and link previews. */
    public String title() {
        StringBuilder sb = new StringBuilder(profile.displayName());
        if (StringUtils.hasText(profile.role())) {
            sb.append(" — ").append(profile.role());
        }
        if (StringUtils.hasText(profile.headline())) {
            sb.append(StringUtils.hasText(profile.role()) ? " · " : " — ").append(profile.headline());
        }
        return sb.toString();
    }

    /** A sentence for link previews: the headline and location, else the start of the bio. */
    public String description() {
        StringBuilder sb = new StringBuilder();
        if (StringUtils.hasText(profile.headline())) {
            sb.append(profile.headline());
        } else if (StringUtils.hasText(profile.role())) {
            sb.append(profile.role());
        }
        if (StringUtils.hasText(profile.location())) {
            sb.append(sb.isEmpty() ? "Based in " : ", based in ").append(profile.location());
        }
        if (sb.isEmpty() && StringUtils.hasText(profile.bio())) {
            sb.append(com.moviepeople.shared.TextFormat.atMost(profile.bio().replaceAll("\\s+", " "), 200));
        }
        if (sb.isEmpty()) {
            sb.append(profile.displayName()).append(" on MoviePeople, the network for people who make films.");
        }
        return sb.toString();
    }

    /** The first item's still (a YouTube thumbnail or an image), for link previews; null if none. */
    public String image() {
        return items.stream().filter(i -> i.media() != null && i.media().thumbnailUrl() != null)
                .map(i -> i.media().thumbnailUrl()).findFirst().orElse(null);
    }
}
