package com.moviepeople.connections;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cards for the members in our lists, in one call per page: from the profiles module's
 * {@link MemberCards} when it is there, otherwise names only from the accounts module.
 */
@Component
class MemberCardSource {

    private final ObjectProvider<MemberCards> cards;
    private final MemberDirectory members;

    MemberCardSource(ObjectProvider<MemberCards> cards, MemberDirectory members) {
        this.cards = cards;
        this.members = members;
    }

    Map<Long, MemberCard> cardsFor(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        MemberCards profiles = cards.getIfUnique();
        if (profiles != null) {
            return profiles.cardsFor(memberIds);
        }
        Map<Long, MemberCard> result = new LinkedHashMap<>();
        members.findAllById(memberIds).forEach((id, m) ->
                result.put(id, new MemberCard(m.id(), m.username(), m.displayName(), null, null, null, null)));
        return result;
    }
}
