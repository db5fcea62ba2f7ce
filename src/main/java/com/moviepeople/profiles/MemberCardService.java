package com.moviepeople.profiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.moviepeople.accounts.MemberDeleted;
import org.springframework.transaction.event.TransactionalEventListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link MemberCards} for every module's lists. Cards are kept in memory (they are on every feed,
 * inbox, search and profile page): a card is dropped on this instance once a change to it commits
 * ({@link ProfileUpdated}, {@link MemberDeleted}), and every card is read again from the database
 * at least once a minute, which bounds how long another instance may show an old name or headline.
 * Cards carry no access rights: who appears in a list is decided by each list's own query. Lists
 * are for signed-in members, so a card carries the location only when its owner shows it to all
 * members ({@link PrivacySettings}); a location for connections only is on the profile page. Missing
 * cards cost two queries whatever their number.
 */
@Service
class MemberCardService implements MemberCards {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final MemberDirectory members;
    private final ProfileRepository profiles;
    private final Cache<Long, MemberCard> cache = Caffeine.newBuilder()
            .expireAfterWrite(REFRESH).maximumSize(100_000).build();

    MemberCardService(MemberDirectory members, ProfileRepository profiles) {
        this.members = members;
        this.profiles = profiles;
    }

    @Override
    public Map<Long, MemberCard> cardsFor(Collection<Long> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, MemberCard> found = new HashMap<>(cache.getAllPresent(memberIds));
        if (found.size() < new HashSet<>(memberIds).size()) {
            List<Long> missing = memberIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
            Map<Long, MemberCard> loaded = load(missing);
            cache.putAll(loaded);
            found.putAll(loaded);
        }
        // In the order asked for (a sample of mutual connections is shown in that order).
        Map<Long, MemberCard> cards = new LinkedHashMap<>();
        for (Long id : memberIds) {
            MemberCard card = found.get(id);
            if (card != null) {
                cards.put(id, card);
            }
        }
        return cards;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProfileUpdated event) {
        cache.invalidate(event.memberId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberDeleted event) {
        cache.invalidate(event.memberId());
    }

    private Map<Long, MemberCard> load(Collection<Long> memberIds) {
        Map<Long, MemberSummary> found = members.findAllById(memberIds);
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<Long, Profile> profileById = profiles.findAllById(found.keySet()).stream()
                .collect(Collectors.toMap(Profile::getMemberId, Function.identity()));
        Map<Long, MemberCard> cards = new LinkedHashMap<>();
        for (MemberSummary m : found.values()) {
            Profile p = profileById.get(m.id());
            cards.put(m.id(), new MemberCard(m.id(), m.username(), m.displayName(),
                    p == null ? null : p.getHeadline(), p == null ? null : p.getRole(), p == null ? null : p.getLocationForMembers(),
                    p == null ? null : p.getPhotoId()));
        }
        return cards;
    }
}
