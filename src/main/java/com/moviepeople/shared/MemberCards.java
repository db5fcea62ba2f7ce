package com.moviepeople.shared;

import java.util.Collection;
import java.util.Map;

/**
 * Looks up {@link MemberCard}s for many members at once, in a constant number of queries.
 * Implemented by the profiles module; declared here so that modules the profile page itself
 * depends on (connections) can show cards without a dependency cycle.
 */
public interface MemberCards {

    /** Cards keyed by member id; unknown ids are left out. */
    Map<Long, MemberCard> cardsFor(Collection<Long> memberIds);
}
