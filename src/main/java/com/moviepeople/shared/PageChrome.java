package com.moviepeople.shared;

import jakarta.servlet.ServletContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

import java.util.Map;

/**
 * What is around every page's own content: the head's links and scripts, the skip link and the
 * navigation bar, the unconfirmed-address notice and the flash messages, the footer. Drawn by
 * compiled templates ({@code src/main/jte/shared/headStart.jte}, {@code headEnd.jte},
 * {@code bodyTop.jte}, {@code alerts.jte}, {@code footer.jte}), once for both kinds of page:
 * {@code layout.html} takes them as ready HTML around a Thymeleaf page, and {@code shared/layout.jte}
 * draws them around a compiled page ({@link CompiledPages}). In Thymeleaf this chrome
 * cost more than the content of most pages.
 */
@Component("pageChrome")
public class PageChrome implements ServletContextAware {

    /**
     * One page's chrome.
     *
     * @param canonicalUrl the page's one address for search engines; null for none
     */
    public record Chrome(Navigation.Bar bar, Map<String, String> assets, boolean unverifiedEmail,
                         String success, String error, String canonicalUrl, CsrfField csrf) {

        /** The versioned address of a static file ({@code /css/app-<md5>.css}). */
        public String asset(String path) {
            String versioned = assets == null ? null : assets.get(path);
            return versioned != null ? versioned : path;
        }

        /** An address of this application (after its context path). */
        public String path(String path) {
            return bar.path(path);
        }
    }

    private final CompiledTemplates templates;
    private final Navigation navigation;
    /** Null outside a web application (the generator command starts the same context without one). */
    private ServletContext servletContext;

    PageChrome(CompiledTemplates templates, Navigation navigation) {
        this.templates = templates;
        this.navigation = navigation;
    }

    @Override
    public void setServletContext(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    /**
     * The chrome of the page being answered.
     *
     * @param nav     the navigation's counts and who is signed in ({@code NavigationAdvice}); null outside our controllers
     * @param success the flash message of a done action; null for none
     * @param error   the flash message of a refused action; null for none
     */
    @SuppressWarnings("unchecked")
    public Chrome chrome(Map<String, Object> nav, Object success, Object error, Object canonicalUrl) {
        Map<String, String> assets = servletContext != null && servletContext.getAttribute("assets") instanceof Map<?, ?> map
                ? (Map<String, String>) map : Map.of();
        return new Chrome(navigation.bar(nav, assets.get("/images/logo.svg")), assets,
                Navigation.count(nav, "unverifiedEmail") > 0, text(success), text(error),
                canonicalUrl == null ? null : canonicalUrl.toString(), CsrfField.current());
    }

    /** The chrome of a compiled page, from its model (the same attributes layout.html reads). */
    @SuppressWarnings("unchecked")
    public Chrome chrome(Map<String, ?> model) {
        return chrome(model.get("nav") instanceof Map<?, ?> nav ? (Map<String, Object>) nav : null,
                model.get("success"), model.get("error"), model.get("canonicalUrl"));
    }

    public String headStart(Chrome chrome) {
        return templates.render("shared/headStart.jte", "chrome", chrome);
    }

    /** @param ownHead whether the page brings its own meta tags (then no site description) */
    public String headEnd(Chrome chrome, boolean ownHead) {
        return templates.render("shared/headEnd.jte", "chrome", chrome, "ownHead", ownHead);
    }

    public String bodyTop(Chrome chrome) {
        return templates.render("shared/bodyTop.jte", "chrome", chrome);
    }

    public String alerts(Chrome chrome) {
        return templates.render("shared/alerts.jte", "chrome", chrome);
    }

    public String footer(Chrome chrome) {
        return templates.render("shared/footer.jte", "chrome", chrome);
    }

    /** A flash message as Thymeleaf's {@code th:if} took it: nothing for null or blank. */
    private static String text(Object message) {
        return message == null || message.toString().isBlank() ? null : message.toString();
    }
}
