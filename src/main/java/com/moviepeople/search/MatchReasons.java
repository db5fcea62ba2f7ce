package com.moviepeople.search;

import com.moviepeople.shared.MemberCard;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a result matched, in words the member can check (issue 24): "name", "role: Director of
 * Photography (DP)", "location: Berlin"… worked out from the card and the search, with the same
 * rules as the query ({@link SearchRepository#statement}): whole trade terms, other words at the
 * start of a word. Only what the card shows is named (a hidden location never is).
 */
final class MatchReasons {

    private MatchReasons() {
    }

    /**
     * @param terms the trade terms in {@code criteria}'s q ({@link TradeThesaurus#find}), found once per search
     * @param roleTerm whether {@code criteria}'s role is a trade term
     */
    static String of(MemberCard card, SearchCriteria criteria, List<TradeThesaurus.Match> terms, boolean roleTerm) {
        List<String> reasons = new ArrayList<>();
        String name = " " + TradeThesaurus.normalize(card.displayName() + " " + card.username()) + " ";
        String headline = " " + TradeThesaurus.normalize(card.headline()) + " ";
        String location = " " + TradeThesaurus.normalize(card.location()) + " ";

        boolean[] covered = new boolean[criteria.qWords().size()];
        for (TradeThesaurus.Match term : terms) {
            java.util.Arrays.fill(covered, term.start(), term.end(), true);
            if (card.role() != null && term.matches(card.role())) {
                add(reasons, "role: " + card.role() + " (" + term.typed() + ")");
            } else if (term.matches(card.headline() == null ? "" : card.headline())) {
                add(reasons, "headline (" + term.typed() + ")");
            }
        }
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                continue;
            }
            String word = " " + TradeThesaurus.normalize(criteria.qWords().get(i));
            if (name.contains(word)) {
                add(reasons, "name");
            } else if (headline.contains(word)) {
                add(reasons, "headline");
            } else if (card.location() != null && location.contains(word)) {
                add(reasons, "location: " + card.location());
            } else {
                add(reasons, "name, spelt differently"); // the trigram match forgives a typo
            }
        }
        if (!criteria.role().isEmpty() && card.role() != null) {
            add(reasons, "role: " + card.role() + (roleTerm && !TradeThesaurus.normalize(card.role()).equals(TradeThesaurus.normalize(criteria.role()))
                    ? " (" + criteria.role() + ")" : ""));
        }
        if (!criteria.location().isEmpty() && card.location() != null) {
            add(reasons, "location: " + card.location());
        }
        if (!criteria.workedOn().isEmpty()) {
            add(reasons, "worked on “" + criteria.workedOn() + "”");
        }
        return String.join(" · ", reasons);
    }

    private static void add(List<String> reasons, String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }
}
