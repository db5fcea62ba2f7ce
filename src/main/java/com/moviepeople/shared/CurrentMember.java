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

    private final long id;
    private final String username;
    private String passwordHash;

    public CurrentMember(long id, String username, String passwordHash) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
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
        return MEMBER;
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
