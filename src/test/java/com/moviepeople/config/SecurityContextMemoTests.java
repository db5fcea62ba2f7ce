package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Spring Session's attribute reads get through {@link SecurityContextMemo}. */
class SecurityContextMemoTests {

    private final GenericConversionService conversions = SecurityContextMemo.conversionService(getClass().getClassLoader());

    private byte[] stored(Object value) {
        return conversions.convert(value, byte[].class);
    }

    private Object read(byte[] bytes) {
        return conversions.convert(bytes.clone(), Object.class);
    }

    @Test
    void aSecurityContextIsReadOnceAndEachReadGetsAContextOfItsOwnAroundTheSameAuthentication() {
        byte[] bytes = stored(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("agnieszka", null,
                List.of(new SimpleGrantedAuthority("ROLE_MEMBER")))));

        SecurityContext first = (SecurityContext) read(bytes);
        SecurityContext second = (SecurityContext) read(bytes);

        assertThat(first.getAuthentication().getName()).isEqualTo("agnieszka");
        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        // Clearing one request's context (a logout) leaves the next read whole.
        first.setAuthentication(null);
        assertThat(((SecurityContext) read(bytes)).getAuthentication().getName()).isEqualTo("agnieszka");
    }

    @Test
    void aCsrfTokenIsReadOnceAndTheSameImmutableTokenReturned() {
        byte[] bytes = stored(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));

        DefaultCsrfToken first = (DefaultCsrfToken) read(bytes);
        DefaultCsrfToken second = (DefaultCsrfToken) read(bytes);

        assertThat(first.getToken()).isEqualTo("token-1");
        assertThat(first.getParameterName()).isEqualTo("_csrf");
        assertThat(second).isSameAs(first);
        // Another session's token is other bytes, so another token.
        assertThat(((DefaultCsrfToken) read(stored(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-2")))).getToken())
                .isEqualTo("token-2");
    }

    @Test
    void anyOtherAttributeIsDeserializedOnEveryRead() {
        byte[] bytes = stored(new java.util.ArrayList<>(List.of("a", "b")));

        Object first = read(bytes);
        Object second = read(bytes);

        assertThat(first).isEqualTo(List.of("a", "b"));
        assertThat(second).isEqualTo(first).isNotSameAs(first);
    }
}
