package com.moviepeople.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files (our CSS, scripts and images, and Bootstrap and htmx from their WebJars) under
 * content-versioned addresses ({@code /css/app-<md5>.css}), cached by browsers and proxies for a
 * year as immutable: a changed file gets a new address, so a phone downloads Bootstrap once, not on
 * every page. Served gzip- or Brotli-compressed when a precompressed sibling exists, otherwise
 * compressed by Tomcat ({@code server.compression.*}).
 *
 * <p>Links are versioned by {@link Assets} (in templates {@code ${application.assets['/css/app.css']}}, a servlet context attribute),
 * worked out once per file and kept: Spring's {@code ResourceUrlEncodingFilter}, which would rewrite
 * every link of every page, stays off (it cost a classpath lookup per link, docs/benchmarks.md).
 * Registered before Spring Boot's own handlers, which then leave these paths alone.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private static final Map<String, String> FOLDERS = Map.of(
            "/css/**", "classpath:/static/css/",
            "/js/**", "classpath:/static/js/",
            "/images/**", "classpath:/static/images/",
            "/webjars/**", "classpath:/META-INF/resources/webjars/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        FOLDERS.forEach((pattern, location) -> registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(FOREVER)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**")));
    }

    /**
     * The versioned address of each static file, worked out once per file: {@code application.assets['/css/app.css']}
     * in templates is {@code /css/app-<md5>.css} (a map, because Thymeleaf allows no bean calls in
     * {@code th:href} and {@code th:src}); a path that is not a static file stays as it is.
     */
    @Component
    static class Assets extends java.util.AbstractMap<String, String> implements org.springframework.web.context.ServletContextAware {

        // Looked up when first needed: the MVC configuration that makes it also reads this class's handlers.
        private final org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> urls;
        private final Map<String, String> resolved = new ConcurrentHashMap<>();

        Assets(org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> urls) {
            this.urls = urls;
        }

        /** Every template sees it as {@code application.assets}, error pages rendered by exception handlers too. */
        @Override
        public void setServletContext(jakarta.servlet.ServletContext servletContext) {
            servletContext.setAttribute("assets", this);
        }

        @Override
        public String get(Object path) {
            return path instanceof String p ? resolved.computeIfAbsent(p, this::versioned) : null;
        }

        @Override
        public boolean containsKey(Object path) {
            return path instanceof String;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return java.util.Collections.unmodifiableMap(resolved).entrySet();
        }

        private String versioned(String path) {
            String versioned = urls.getObject().getForLookupPath(path);
            return versioned != null ? versioned : path;
        }
    }
}
