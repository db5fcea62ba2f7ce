package com.moviepeople.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Reads a signed-in member's stored {@code SecurityContext} once per instance instead of on every
 * request. Spring Session stores session attributes Java-serialized, and deserializing the security
 * context (the member, their authorities, the login's details) was 5–8 % of the CPU of every
 * member's page. The same bytes always deserialize to equal objects, so the authentication read from
 * a given form of the attribute is kept (keyed by the bytes themselves) and each read gets a context
 * of its own around it: Spring Security clears or replaces the context object (logout, login), never
 * the authentication inside it. Bytes that change (a new login, another member) are another key; an
 * ended session is never read again.
 *
 * <p>The session's CSRF token ({@link DefaultCsrfToken}, immutable) is kept the same way and the
 * same object returned: its deserialization was the other 0.8 % of a profile view. Every other
 * attribute is deserialized as Spring Session does.
 */
final class SecurityContextMemo implements Converter<byte[], Object> {

    private final Converter<byte[], Object> deserializer;
    /** An {@link Authentication} (for a security context) or a {@link DefaultCsrfToken}, by the bytes stored. */
    private final Cache<ByteBuffer, Object> known = Caffeine.newBuilder()
            .maximumSize(40_000).expireAfterAccess(Duration.ofMinutes(30)).build();

    SecurityContextMemo(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** Spring Session's own conversions (Java serialization both ways), with reads going through a memo. */
    static GenericConversionService conversionService(ClassLoader classLoader) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new SecurityContextMemo(classLoader));
        return conversions;
    }

    @Override
    public Object convert(byte[] bytes) {
        Object kept = known.getIfPresent(ByteBuffer.wrap(bytes));
        if (kept != null) {
            return kept instanceof Authentication authentication ? new SecurityContextImpl(authentication) : kept;
        }
        Object value = deserializer.convert(bytes);
        if (value != null && value.getClass() == SecurityContextImpl.class
                && ((SecurityContextImpl) value).getAuthentication() != null) {
            known.put(ByteBuffer.wrap(bytes.clone()), ((SecurityContextImpl) value).getAuthentication());
        } else if (value != null && value.getClass() == DefaultCsrfToken.class) {
            known.put(ByteBuffer.wrap(bytes.clone()), value);
        }
        return value;
    }
}
