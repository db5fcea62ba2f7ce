package com.moviepeople.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, columnDefinition = "citext")
    private String username;

    @Column(nullable = false, columnDefinition = "citext")
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** MEMBER or MODERATOR (V12). */
    @Column(nullable = false)
    private String role = "MEMBER";

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    protected Member() {
    }

    Member(String username, String email, String passwordHash, String displayName, Instant createdAt) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    void markEmailVerified(Instant at) {
        this.emailVerifiedAt = at;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isModerator() {
        return "MODERATOR".equals(role);
    }

    void grantModerator() {
        this.role = "MODERATOR";
    }

    boolean isSuspended() {
        return suspendedAt != null;
    }

    void suspend(Instant at) {
        this.suspendedAt = at;
    }

    MemberSummary toSummary() {
        return new MemberSummary(id, username, displayName);
    }
}
