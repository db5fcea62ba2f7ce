package com.moviepeople.shared;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Templates compiled to Java at build time (jte, {@code src/main/jte}), for the markup drawn many
 * times a page where Thymeleaf's cost per expression adds up (twenty post cards a feed page). The
 * Thymeleaf pages take such a part ready-made with {@code th:utext}; a few of the most visited pages
 * are compiled templates themselves ({@link CompiledPages}). jte escapes
 * every {@code ${…}} for where it stands (text or attribute), so the output is as safe as Thymeleaf's.
 *
 * <p>A template {@code feed/post.jte} becomes the class {@code com.moviepeople.feed.JtepostGenerated}:
 * in its module's package, so it reads that module's package-private view records.
 */
@Component
public class CompiledTemplates {

    /** The package the jte Maven plugin generates into ({@code pom.xml}, {@code packageName}). */
    static final String PACKAGE = "com.moviepeople";

    private final TemplateEngine engine;

    public CompiledTemplates() {
        // Precompiled: no Java compiler at run time; the classes come from this application's class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CompiledTemplates.class.getClassLoader());
        try {
            this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Draws {@code name} (e.g. {@code "feed/post.jte"}) as HTML, with its parameters given as name,
     * value, name, value… A template that writes forms also gets {@code csrf} ({@link CsrfField}),
     * which reads the session's token only if a form is written; templates ignore what they do not declare.
     */
    public String render(String name, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name and value pairs: " + name);
        }
        Map<String, Object> parameters = new HashMap<>(namesAndValues.length + 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return render(name, parameters);
    }

    /**
     * Draws {@code name} with the given parameters ({@code csrf} added when missing). The templates'
     * static parts are compiled to UTF-8 bytes ({@code binaryStaticContent}, pom.xml), which
     * {@link Utf8ByteOutput} keeps without copying; the text is decoded once at the end. Into a
     * {@code StringOutput} each static part would be decoded on its own, into an 8 KB buffer even
     * for a button.
     */
    public String render(String name, Map<String, Object> parameters) {
        return new String(render(name, parameters, new Utf8ByteOutput()).toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Draws a whole page as UTF-8 bytes, encoded piece by piece as the template writes them (jte's
     * {@link Utf8ByteOutput}, whose length is known before anything is sent). Into one string, a
     * single character beyond Latin-1 anywhere on the page (a dash in the markup, a name such as
     * "Łucja") made the whole page a two-byte string, encoded again at the end: 4 % of a profile
     * view's CPU.
     */
    public Utf8ByteOutput renderUtf8(String name, Map<String, Object> parameters) {
        return render(name, parameters, new Utf8ByteOutput());
    }

    private <T extends gg.jte.TemplateOutput> T render(String name, Map<String, Object> parameters, T output) {
        parameters.putIfAbsent("csrf", CsrfField.current());
        engine.render(name, parameters, output);
        return output;
    }

    /** Whether there is a compiled template of that name. */
    public boolean hasTemplate(String name) {
        return engine.hasTemplate(name);
    }
}
