package com.moviepeople.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages drawn whole by a compiled template instead of Thymeleaf: a controller's view name
 * {@code profiles/show} is the template {@code profiles/showPage.jte} when there is one (the suffix
 * keeps page templates apart from the parts that other pages include). The template gets the model
 * as its parameters, plus {@code chrome} ({@link PageChrome}) for {@code @template.shared.layout(…)}
 * and {@code csrf}. Controllers and their tests see an ordinary view name and model.
 *
 * <p>Only the most visited pages are compiled (the feed and a post, the profile, the inbox, a
 * conversation, the search): there Thymeleaf's cost per expression was most of the page's time.
 * The page is drawn into memory and sent in one piece, so a failure while drawing leaves the
 * response untouched for the error page.
 */
@Component
class CompiledPages implements ViewResolver, Ordered {

    static final String SUFFIX = "Page.jte";

    private final CompiledTemplates templates;
    private final PageChrome chrome;
    private final Map<String, Optional<View>> views = new ConcurrentHashMap<>();

    CompiledPages(CompiledTemplates templates, PageChrome chrome) {
        this.templates = templates;
        this.chrome = chrome;
    }

    /** Before Thymeleaf's resolver (lowest precedence minus 5). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) {
        if (viewName.indexOf(':') >= 0) {
            return null; // redirect: and forward:
        }
        return views.computeIfAbsent(viewName, name -> templates.hasTemplate(name + SUFFIX)
                ? Optional.of(new Page(name + SUFFIX)) : Optional.empty()).orElse(null);
    }

    private final class Page implements View {

        private final String template;

        Page(String template) {
            this.template = template;
        }

        @Override
        public String getContentType() {
            return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Object> parameters = model == null ? new HashMap<>() : new HashMap<>(model);
            parameters.put("chrome", chrome.chrome(parameters));
            gg.jte.output.Utf8ByteOutput html = templates.renderUtf8(template, parameters);
            response.setContentType(getContentType());
            response.setContentLength(html.getContentLength());
            // One write of the whole page: the template's output is a list of small pieces (its static
            // parts are not copied), and each write passes through Spring Security's response
            // wrappers, which check the content length on every call.
            response.getOutputStream().write(html.toByteArray());
        }
    }
}
