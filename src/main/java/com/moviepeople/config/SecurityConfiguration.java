package com.moviepeople.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.http.HttpStatus;
import com.moviepeople.shared.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Only our own scripts and styles; no inline code. Frames only from the two video providers
     * whose players the portfolio embeds; nobody may frame us.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            // Pictures come from the app itself (/media/, uploaded and re-encoded): no hot-linked image
            // tells another site who is looking. The video players load their own thumbnails inside their frames.
            "img-src 'self' data: https://i.ytimg.com https://i.vimeocdn.com",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
            "media-src 'self' https:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(30);

    /** GET (and HEAD) requests for health probes, static files and calendar feeds: public, and never tied to a session. */
    static final RequestMatcher PUBLIC_RESOURCES = SecurityConfiguration::isPublicResource;

    private static final List<String> PUBLIC_FILES = List.of("/actuator/health/liveness", "/actuator/health/readiness", "/favicon.ico", "/robots.txt");
    private static final List<String> PUBLIC_FOLDERS = List.of("/webjars/", "/css/", "/js/", "/images/");
    /** Members' private calendar feeds: the token in the address is the key; calendar apps never log in. */
    private static final java.util.regex.Pattern CALENDAR_FEED = java.util.regex.Pattern.compile("/availability/[A-Za-z0-9_-]{1,64}\\.ics");

    /** Picture files: immutable keys, public like the profiles that show them. */
    private static final java.util.regex.Pattern MEDIA_FILE = java.util.regex.Pattern.compile("/media/[A-Za-z0-9_-]{22}-[a-z0-9]{1,8}\\.jpg");

    static boolean isPublicResource(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // No tricks with encoded or dotted paths: the firewall refuses those anyway, and they stay on the main chain.
        if (path.contains("%") || path.contains("..") || path.contains(";") || path.contains("//")) {
            return false;
        }
        return PUBLIC_FILES.contains(path) || PUBLIC_FOLDERS.stream().anyMatch(path::startsWith)
                || CALENDAR_FEED.matcher(path).matches() || MEDIA_FILE.matcher(path).matches();
    }

    /**
     * Signs only the in-memory authentication of one request (the persistent token itself is a
     * random series and token checked against the database), so a fresh random key per start is enough.
     */
    private static final String REMEMBER_ME_KEY = java.util.UUID.randomUUID().toString();

    /**
     * Persistent remember-me tokens (a stolen cookie is detected, and "log out everywhere" deletes
     * them all). The cookie is HttpOnly, SameSite=Lax like the session cookie, and Secure when the
     * session cookie is (the prod profile), else when the request came over HTTPS (also through a
     * trusted proxy's X-Forwarded-Proto).
     */
    static PersistentTokenBasedRememberMeServices rememberMeServices(UserDetailsService userDetailsService,
                                                                     PersistentTokenRepository tokens, boolean secure) {
        PersistentTokenBasedRememberMeServices services =
                new PersistentTokenBasedRememberMeServices(REMEMBER_ME_KEY, userDetailsService, tokens);
        services.setParameter("remember-me");
        services.setTokenValiditySeconds((int) REMEMBER_ME_VALIDITY.toSeconds());
        services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        if (secure) {
            services.setUseSecureCookie(true);
        }
        return services;
    }

    /**
     * Health probes, static files and the token-keyed calendar feeds: public, read-only, never tied to a session. A chain of their
     * own without login, logout, remember-me, CSRF, saved requests or sessions (it never even looks
     * a session up), with the same security headers: a probe hammered by a load balancer costs
     * little, and nothing about it can write.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicResourcesFilterChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher(PUBLIC_RESOURCES)
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.securityContextRepository(
                    new RequestAttributeSecurityContextRepository()))
            .sessionManagement(session -> session.disable())
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> anonymous.disable())
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService userDetailsService,
                                            PersistentTokenRepository rememberMeTokens, RateLimiter rateLimiter,
                                            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName,
                                            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        http
            .addFilterBefore(new LoginThrottleFilter(rateLimiter), UsernamePasswordAuthenticationFilter.class)
            // RFC 8058: mail programs POST the one-click unsubscribe link from a mail, with no session
            // and no token; the 256-bit key in the address is what allows it (and all it allows).
            .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/*")))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/", "/signup", "/login", "/error", "/error/**").permitAll()
                .requestMatchers("/verify-email/*", "/password/forgot", "/password/reset/*", "/dev/outbox").permitAll()
                .requestMatchers("/unsubscribe/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/privacy").permitAll()
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/robots.txt").permitAll()
                .requestMatchers(HttpMethod.GET, "/people/*", "/productions/{id:[0-9]{1,18}}").permitAll()
                .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers("/moderation/**").hasRole("MODERATOR")
                .anyRequest().authenticated())
            .formLogin(login -> login
                .loginPage("/login")
                .defaultSuccessUrl("/feed", false)
                .failureUrl("/login?error")
                .permitAll())
            .rememberMe(rememberMe -> rememberMe
                .key(REMEMBER_ME_KEY)
                .rememberMeServices(rememberMeServices(userDetailsService, rememberMeTokens, secureCookies)))
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl("/login?logout")
                .deleteCookies(sessionCookieName)
                .permitAll())
            // Pages send anonymous visitors to the login page; the live-update stream (read by
            // EventSource, not shown) answers 401, so a browser does not parse the login page as events.
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new RequestMatcherEntry<>(PathPatternRequestMatcher.withDefaults().matcher("/messages/stream"),
                            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            // The page an anonymous visitor asked for (to return to after login) is kept in a
            // cookie, not in a new session: a crawler or probe hitting members' pages writes nothing.
            .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self \"https://www.youtube-nocookie.com\" \"https://player.vimeo.com\")")));
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter and authorization: nothing reads them
     * (only the health probes are exposed), and wrapping every filter of every request cost a
     * measurable share of the cheapest endpoints (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Remember-me tokens in PostgreSQL: they survive restarts and can be revoked per member. */
    @Bean
    PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
        JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    /**
     * Argon2id (OWASP's first choice) with Spring Security's current parameters. Unlike BCrypt it
     * reads the whole password, so long passphrases are not silently cut at 72 bytes. Delegating,
     * so that stored hashes name their algorithm and can be upgraded later.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(argon2, Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
