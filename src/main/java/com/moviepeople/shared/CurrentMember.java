package com.moviepeople.shared;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The logged-in member, as Spring Security keeps it in the session. Controllers take it with
 * {@code @AuthenticationPrincipal CurrentMember me}; everything else about the member is looked
 * up by {@link #id()} through the owning module.
 */
public final class CurrentMember implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final List<GrantedAuthority> MEMBER = AuthorityUtils.createAuthorityList("ROLE_MEMBER");
    private static final List<GrantedAuthority> MODERATOR = AuthorityUtils.createAuthorityList("ROLE_MEMBER", "ROLE_MODERATOR");

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean moderator;
    private final boolean suspended;

    public CurrentMember(long id, String username, String passwordHash) {
        this(id, username, passwordHash, false, false);
    }

    /**
     * @param moderator granted {@code ROLE_MODERATOR} (the moderation pages)
     * @param suspended suspended by a moderator: Spring Security refuses the login as "locked"
     *                  (with the same generic message as a wrong password)
     */
    public CurrentMember(long id, String username, String passwordHash, boolean moderator, boolean suspended) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.moderator = moderator;
        this.suspended = suspended;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return moderator ? MODERATOR : MEMBER;
    }

    public boolean isModerator() {
        return moderator;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !suspended;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentMember that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentMember[" + id + ", " + username + "]";
    }
}
