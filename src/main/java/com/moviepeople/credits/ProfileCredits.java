package com.moviepeople.credits;

import java.util.List;

/**
 * A member's credits for their profile page, for one viewer, and the productions the viewer shares
 * with them ("You both worked on …"; empty for visitors and on one's own profile).
 */
public record ProfileCredits(List<CreditView> credits, List<ProductionRef> workedTogether) {

    public static final ProfileCredits NONE = new ProfileCredits(List.of(), List.of());

    public int workedTogetherCount() {
        return workedTogether.size();
    }

    /** The credit shown on this page with that id (a portfolio item proving it), or null. */
    public CreditView credit(Long creditId) {
        if (creditId == null) {
            return null;
        }
        return credits.stream().filter(c -> c.id() == creditId).findFirst().orElse(null);
    }
}
