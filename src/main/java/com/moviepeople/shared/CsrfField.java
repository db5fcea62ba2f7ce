package com.moviepeople.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The hidden CSRF field a POST form needs, for templates that Thymeleaf does not draw (Thymeleaf
 * adds it to every {@code th:action} form by itself; the compiled templates of {@link CompiledTemplates}
 * write {@code @template.shared.csrf(csrf = csrf)} instead).
 *
 * <p>Lazy: the session's token is read (and, the first time, created and stored in a new session)
 * only when a template writes a form. A visitor's public page that shows no form stays without a
 * session, as with Thymeleaf.
 */
public final class CsrfField {

    private final CsrfToken token;

    private CsrfField(CsrfToken token) {
        this.token = token;
    }

    /** The token of the request being answered, or null outside a request or where there is none. */
    public static CsrfField current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return null;
    }

    static CsrfField of(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? new CsrfField(token) : null;
    }

    /** The form field's name ({@code _csrf}). */
    public String name() {
        return token.getParameterName();
    }

    /** The current session's token. */
    public String value() {
        return token.getToken();
    }
}
