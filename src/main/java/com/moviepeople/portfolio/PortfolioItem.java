package com.moviepeople.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "portfolio_item")
class PortfolioItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "media_url")
    private String mediaUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "media_kind")
    private MediaKind mediaKind;

    @Column(name = "year")
    private Integer year;

    @Column(name = "credit_role")
    private String creditRole;

    @Column(name = "credit_id")
    private Long creditId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PortfolioItem() {
    }

    PortfolioItem(long ownerId, Instant createdAt) {
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    void apply(PortfolioItemForm form, MediaKind kind) {
        this.title = form.title();
        this.description = blankToNull(form.description());
        this.mediaUrl = blankToNull(form.mediaUrl());
        this.mediaKind = this.mediaUrl == null ? null : kind;
        this.year = form.year();
        this.creditRole = blankToNull(form.creditRole());
        this.creditId = form.creditId();
    }

    Long getCreditId() {
        return creditId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Long getId() {
        return id;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    String getMediaUrl() {
        return mediaUrl;
    }

    MediaKind getMediaKind() {
        return mediaKind;
    }

    Integer getYear() {
        return year;
    }

    String getCreditRole() {
        return creditRole;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
