package com.moviepeople.portfolio;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface PortfolioItemRepository extends JpaRepository<PortfolioItem, Long> {

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
