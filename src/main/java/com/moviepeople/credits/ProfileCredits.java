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
}
