package com.moviepeople.profiles;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

interface ProfileRepository extends JpaRepository<Profile, Long> {

    /** One statement whether or not the row exists yet, so two quick saves cannot collide. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            insert into profile (member_id, headline, role, location, bio, website, updated_at)
            values (:memberId, :headline, :role, :location, :bio, :website, :updatedAt)
            on conflict (member_id) do update set
                headline = excluded.headline, role = excluded.role, location = excluded.location,
                bio = excluded.bio, website = excluded.website, updated_at = excluded.updated_at""",
            nativeQuery = true)
    void upsert(@Param("memberId") long memberId, @Param("headline") String headline, @Param("role") String role,
                @Param("location") String location, @Param("bio") String bio, @Param("website") String website,
                @Param("updatedAt") Instant updatedAt);
}
