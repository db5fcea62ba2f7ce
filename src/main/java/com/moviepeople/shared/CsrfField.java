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
 * @param name  the form field's name ({@code _csrf})
 * @param value the current session's token
 */
public record CsrfField(String name, String value) {

    /** The token of the request being answered, or null outside a request or where there is none. */
    public static CsrfField current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return null;
    }

    static CsrfField of(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return new CsrfField(token.getParameterName(), token.getToken());
        }
        return null;
    }
}
