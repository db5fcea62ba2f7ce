package com.moviepeople.profiles;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;

/** profile.json: the member's profile fields, as on their public profile page. */
@Component
class ProfilePersonalData implements PersonalData {

    record ProfileData(String username, String displayName, String headline, String role, String location, String bio,
                       String website, String photo, Instant updatedAt, Privacy privacy) {
    }

    /** Who the member lets see what (their choices in /settings/privacy), as the form's values. */
    record Privacy(String connectionsList, String location, String website, String email) {
    }

    private final JdbcClient jdbc;

    ProfilePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "profile.json";
    }

    @Override
    public String description() {
        return """
                Your profile: username, displayName, headline, role, location, bio, website (each null
                when empty), photo (the file of your profile photo in pictures/, or null) and updatedAt
                (last saved, or null if you never saved your profile), and privacy: who you let see your
                connectionsList, location, website and email (everyone, members, connections or nobody).""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        // The documented view member_profile (V28) for the name, the profile table for the rest.
        out.json(jdbc.sql("""
                        select v.username, v.display_name, v.headline, v.role, v.location, v.bio, v.website, v.photo_id, p.updated_at,
                               v.connections_list_visibility, v.location_visibility, v.website_visibility, v.email_visibility
                        from member_profile v left join profile p on p.member_id = v.member_id
                        where v.member_id = :id""")
                .param("id", memberId)
                .query((rs, n) -> new ProfileData(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("headline"), rs.getString("role"), rs.getString("location"), rs.getString("bio"),
                        rs.getString("website"), rs.getString("photo_id") == null ? null : "pictures/" + rs.getString("photo_id") + ".jpg",
                        rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant(),
                        new Privacy(rs.getString("connections_list_visibility"), rs.getString("location_visibility"),
                                rs.getString("website_visibility"), rs.getString("email_visibility"))))
                .optional().orElse(null));
    }
}
