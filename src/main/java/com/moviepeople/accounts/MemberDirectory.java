package com.moviepeople.accounts;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The accounts module's read API for other modules. */
public interface MemberDirectory {

    Optional<MemberSummary> findById(long id);

    /** Case-insensitive. */
    Optional<MemberSummary> findByUsername(String username);

    /** One query for many members, keyed by id; unknown ids are left out. */
    Map<Long, MemberSummary> findAllById(Collection<Long> ids);

    long count();

    /** Unverified members may use the site but send only a few requests and messages a day. */
    boolean isEmailVerified(long id);

    /**
     * Where to mail the member about activity: empty unless the address is verified (no mail to an
     * address nobody confirmed) and the member is not suspended.
     */
    Optional<MailRecipient> mailRecipient(long id);
}
