package com.moviepeople.portfolio;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface PortfolioItemRepository extends JpaRepository<PortfolioItem, Long> {

    /** Newest first, served by the index on (owner_id, created_at desc, id desc). */
    List<PortfolioItem> findByOwnerIdOrderByCreatedAtDescIdDesc(long ownerId);

    /** The ownership check: someone else's item is simply not found. */
    Optional<PortfolioItem> findByIdAndOwnerId(long id, long ownerId);

    long countByOwnerId(long ownerId);
}
