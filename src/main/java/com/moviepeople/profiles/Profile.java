package com.moviepeople.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read side of the profile table; writes go through {@link ProfileRepository#upsert}. */
@Entity
@Table(name = "profile")
class Profile {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    private String headline;

    private String role;

    private String location;

    private String bio;

    private String website;

    /** Written by ProfileService.setPhoto in SQL; read here for the member cards. */
    @Column(name = "photo_id", insertable = false, updatable = false)
    private String photoId;

    /** Written by ProfileService.savePrivacy in SQL; read here for the member cards. */
    @Column(name = "location_visibility", insertable = false, updatable = false)
    private String locationVisibility;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Profile() {
    }

    Long getMemberId() {
        return memberId;
    }

    String getHeadline() {
        return headline;
    }

    String getRole() {
        return role;
    }

    String getLocation() {
        return location;
    }

    String getBio() {
        return bio;
    }

    String getWebsite() {
        return website;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getPhotoId() {
        return photoId;
    }

    /** The location when the member shows it to all members (lists are for members); else null. */
    String getLocationForMembers() {
        return com.moviepeople.shared.Visibility.parse(locationVisibility).orElse(com.moviepeople.shared.Visibility.EVERYONE)
                .shows(com.moviepeople.shared.Visibility.Viewer.MEMBER) ? location : null;
    }
}
