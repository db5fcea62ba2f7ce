package com.moviepeople.accounts;

import com.moviepeople.shared.CurrentMember;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login by username or e-mail address, in any case. */
@Service
class MemberUserDetailsService implements UserDetailsService {

    private final MemberRepository members;

    MemberUserDetailsService(MemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        String trimmed = login == null ? "" : login.strip();
        if (trimmed.isEmpty() || trimmed.length() > 254) {
            throw new UsernameNotFoundException("No such member");
        }
        return members.findByLogin(trimmed)
                .map(m -> new CurrentMember(m.getId(), m.getUsername(), m.getPasswordHash(), m.isModerator(), m.isSuspended()))
                .orElseThrow(() -> new UsernameNotFoundException("No such member"));
    }
}
