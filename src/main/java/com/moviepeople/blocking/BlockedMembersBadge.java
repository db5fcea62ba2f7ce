package com.moviepeople.blocking;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is blocked either way, read with the navigation's one statement: the feed, a profile and
 * search leave these members out, and asked {@link Blocks#blockedIdsOf} for them in a statement of
 * their own right after the navigation's. The answer is kept for the rest of the request (a request
 * attribute), for that member only, and dropped when the request blocks or unblocks someone. Never
 * shown: the navigation ignores a value it has no place for.
 */
@Component
class BlockedMembersBadge implements NavigationBadge {

    private static final String KEY = BlockedMembersBadge.class.getName();

    /** What was read for whom. */
    private record Known(long memberId, Set<Long> blocked) {
    }

    @Override
    public String name() {
        return "blockedMembers";
    }

    @Override
    public String countQuery() {
        // Never null: an empty array when nobody is blocked either way.
        return "select array(select blocked_id from member_block where blocker_id = :member"
                + " union select blocker_id from member_block where blocked_id = :member)";
    }

    @Override
    public void read(long memberId, Object value) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(value instanceof Array array)) {
            return;
        }
        Set<Long> blocked = new LinkedHashSet<>();
        try {
            for (Object id : (Object[]) array.getArray()) {
                blocked.add(((Number) id).longValue());
            }
        } catch (SQLException e) {
            return; // not kept: the page asks the database itself
        }
        request.setAttribute(KEY, new Known(memberId, Collections.unmodifiableSet(blocked)), RequestAttributes.SCOPE_REQUEST);
    }

    /** What the navigation read in this request for {@code memberId}; null when it did not (or it is out of date). */
    static Set<Long> knownFor(long memberId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof Known known
                && known.memberId() == memberId ? known.blocked() : null;
    }

    /** A block was made or lifted in this request: its pages ask the database again. */
    static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
