package com.moviepeople.search;

import com.moviepeople.accounts.MemberRegistered;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.profiles.ProfileUpdated;
import com.moviepeople.shared.MemberCard;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps search_person current. Deliberately a plain, synchronous {@link EventListener}: it runs
 * inside the transaction that registers the member or saves the profile, so the projection is
 * never behind (a saved profile is found by the very next search) and commits or rolls back
 * with the change. An upsert of one row is cheap enough for that. Deleted members' rows go with
 * the member row (ON DELETE CASCADE).
 */
@Component
class SearchProjectionUpdater {

    private final SearchRepository repository;
    private final ProfileService profiles;

    SearchProjectionUpdater(SearchRepository repository, ProfileService profiles) {
        this.repository = repository;
        this.profiles = profiles;
    }

    @EventListener
    void on(MemberRegistered event) {
        repository.saveMember(event.memberId(), event.username(), event.displayName());
    }

    @EventListener
    void on(ProfileUpdated event) {
        profiles.findById(event.memberId()).ifPresent(p -> repository.save(
                new MemberCard(p.memberId(), p.username(), p.displayName(), p.headline(), p.role(), p.location(), p.photoId()),
                profiles.privacyOf(p.memberId()).location()));
    }
}
