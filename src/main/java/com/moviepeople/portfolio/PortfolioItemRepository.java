package com.moviepeople.portfolio;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface PortfolioItemRepository extends JpaRepository<PortfolioItem, Long> {

    /**
     * A page of the owner's items older than the keyset ({@code at}, {@code id}), newest first:
     * a range of the index on (owner_id, created_at desc, id desc).
     */
    @Query("""
            select i from PortfolioItem i
            where i.ownerId = :owner and (i.createdAt < :at or (i.createdAt = :at and i.id < :id))
            order by i.createdAt desc, i.id desc""")
    List<PortfolioItem> pageOf(@Param("owner") long ownerId, @Param("at") java.time.Instant at, @Param("id") long id,
                               org.springframework.data.domain.Limit limit);

    /** The ownership check: someone else's item is simply not found. */
    Optional<PortfolioItem> findByIdAndOwnerId(long id, long ownerId);

    long countByOwnerId(long ownerId);

    /**
     * Deletes the owner's item in one conditional statement; 0 when it is not theirs or already
     * gone (a double submit: the second delete finds nothing instead of failing).
     */
    @Modifying
    @Query("delete from PortfolioItem i where i.id = :id and i.ownerId = :ownerId")
    int deleteOwned(@Param("id") long id, @Param("ownerId") long ownerId);
}
