package com.moviepeople.profiles;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link MemberCards} for every module's lists: two queries whatever the number of members. */
@Service
class MemberCardService implements MemberCards {

    private final MemberDirectory members;
    private final ProfileRepository profiles;

    MemberCardService(MemberDirectory members, ProfileRepository profiles) {
        this.members = members;
        this.profiles = profiles;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, MemberCard> cardsFor(Collection<Long> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            return Map.of();
        }
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
                    p == null ? null : p.getHeadline(), p == null ? null : p.getRole(), p == null ? null : p.getLocation()));
        }
        return cards;
    }
}
