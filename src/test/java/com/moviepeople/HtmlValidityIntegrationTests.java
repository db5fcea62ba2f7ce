package com.moviepeople;

import com.moviepeople.shared.CurrentMember;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every main page, with real content on it, is valid HTML: the Nu Html Checker (the engine behind
 * validator.w3.org/nu, run here from Maven) finds no error. Warnings ("consider…") are allowed.
 */
class HtmlValidityIntegrationTests extends IntegrationTest {

    private static SimpleDocumentValidator validator;
    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void checker() throws Exception {
        validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", new SystemErrErrorHandler());
        validator.setUpValidatorAndParsers(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        }, false, false);
    }

    /** The checker's errors for one page (none when it is valid). */
    static synchronized List<String> errorsIn(String html) throws Exception {
        problems.clear();
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return List.copyOf(problems);
    }

    @Test
    void theCheckerFindsErrorsInInvalidHtml() throws Exception {
        // The test would be worthless if the checker passed anything.
        assertThat(errorsIn("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><div hx-get=\"/x\"><p></div></body></html>"))
                .isNotEmpty();
        assertThat(errorsIn("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><div data-hx-get=\"/x\"><p>Hi</p></div></body></html>"))
                .isEmpty();
    }

    @Test
    void everyMainPageIsValidHtml() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        CurrentMember carl = newMember("carl");
        mvc.perform(post("/connections/request/" + anna.username()).with(user(carl)).with(csrf()));
        mvc.perform(post("/posts").with(user(ben)).with(csrf()).param("content", "Wrapped day 12 — thanks to the crew! https://example.com/set"))
                .andExpect(status().is3xxRedirection());
        Long postId = jdbc.queryForObject("select max(id) from post", Long.class);
        mvc.perform(post("/posts/" + postId + "/comments").with(user(anna)).with(csrf()).param("content", "Great work, Ben."));
        mvc.perform(post("/messages/" + ben.username()).with(user(anna)).with(csrf()).param("content", "Are you free in May?"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/productions").with(user(anna)).with(csrf()).param("title", "The Long Night " + anna.username())
                .param("year", "2023").param("kind", "feature").param("link", "https://example.com/film"));
        Long productionId = jdbc.queryForObject("select max(id) from production", Long.class);
        mvc.perform(post("/credits").with(user(anna)).with(csrf()).param("productionId", productionId.toString())
                .param("role", "Director of Photography").param("note", "2nd unit"));
        mvc.perform(post("/credits").with(user(ben)).with(csrf()).param("productionId", productionId.toString())
                .param("role", "Gaffer").param("note", ""));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", null);
        pages.put("/login", null);
        pages.put("/signup", null);
        pages.put("/people/" + anna.username() + " (anonymous)", null);
        pages.put("/feed", anna.username());
        pages.put("/posts/" + postId, anna.username());
        pages.put("/people/" + ben.username(), anna.username());
        pages.put("/people/" + anna.username(), anna.username());
        pages.put("/search?q=" + ben.username(), anna.username());
        pages.put("/search?role=gaffer", anna.username());
        pages.put("/messages", anna.username());
        pages.put("/messages/" + ben.username(), anna.username());
        pages.put("/connections", anna.username());
        pages.put("/connections/pending", anna.username());
        pages.put("/connections/suggestions", anna.username());
        pages.put("/notifications", anna.username());
        pages.put("/productions?q=long", anna.username());
        pages.put("/productions/" + productionId, anna.username());
        pages.put("/calls", anna.username());
        pages.put("/calls/new", anna.username());
        pages.put("/calls/mine", anna.username());
        pages.put("/availability", anna.username());
        pages.put("/profile/edit", anna.username());
        pages.put("/portfolio/new", anna.username());
        pages.put("/settings/privacy", anna.username());
        pages.put("/settings/notifications", anna.username());
        pages.put("/privacy", anna.username());

        Map<String, List<String>> invalid = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String url = page.getKey().replace(" (anonymous)", "");
            var request = get(url);
            if (page.getValue() != null) {
                request = request.with(user(page.getValue().equals(anna.username()) ? anna : ben));
            }
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> errors = errorsIn(html);
            if (!errors.isEmpty()) {
                invalid.put(page.getKey(), errors);
            }
        }
        assertThat(invalid).as("Nu Html Checker errors per page").isEmpty();
    }
}
