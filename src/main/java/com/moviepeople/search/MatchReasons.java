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

    static String of(MemberCard card, SearchCriteria criteria, TradeThesaurus thesaurus) {
        List<String> reasons = new ArrayList<>();
        String name = " " + TradeThesaurus.normalize(card.displayName() + " " + card.username()) + " ";
        String headline = " " + TradeThesaurus.normalize(card.headline()) + " ";
        String role = " " + TradeThesaurus.normalize(card.role()) + " ";
        String location = " " + TradeThesaurus.normalize(card.location()) + " ";

        List<TradeThesaurus.Match> terms = thesaurus.find(criteria.qWords());
        boolean[] covered = new boolean[criteria.qWords().size()];
        for (TradeThesaurus.Match term : terms) {
            java.util.Arrays.fill(covered, term.start(), term.end(), true);
            if (card.role() != null && (containsAny(role, term.phrases())
                    || term.exactRoles().stream().anyMatch(r -> role.equals(" " + TradeThesaurus.normalize(r) + " ")))) {
                add(reasons, "role: " + card.role() + " (" + term.typed() + ")");
            } else if (containsAny(headline, term.phrases())) {
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
            boolean term = !thesaurus.entriesOf(criteria.role()).isEmpty();
            add(reasons, "role: " + card.role() + (term && !TradeThesaurus.normalize(card.role()).equals(TradeThesaurus.normalize(criteria.role()))
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

    private static boolean containsAny(String padded, List<String> phrases) {
        return phrases.stream().anyMatch(p -> padded.contains(" " + TradeThesaurus.normalize(p) + " "));
    }

    private static void add(List<String> reasons, String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }
}
