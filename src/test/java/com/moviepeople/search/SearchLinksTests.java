package com.moviepeople.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The search page's links: every field kept in the page's order, values escaped as query parameters. */
class SearchLinksTests {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void escapesValuesAsQueryParameters() {
        assertThat(SearchLinks.search("role", "Film Editor", "location", "Łódź & Kraków", "q", "a+b=c#d?"))
                .isEqualTo("/search?role=Film%20Editor&location=%C5%81%C3%B3d%C5%BA%20%26%20Krak%C3%B3w&q=a%2Bb%3Dc%23d?");
        assertThat(SearchLinks.search("availableFrom", TODAY, "partly", true))
                .isEqualTo("/search?availableFrom=2027-03-01&partly=true");
    }

    @Test
    void theSameSearchWithAFieldLeftOutOrChanged() {
        SearchCriteria criteria = SearchCriteria.of("Okafor", "Gaffer", "Berlin", "Night Shift",
                "2027-03-10", "2027-03-12", false, TODAY, "Lighting");
        assertThat(SearchLinks.with(criteria, "role", null)).isEqualTo("/search?q=Okafor&location=Berlin&workedOn=Night%20Shift"
                + "&availableFrom=2027-03-10&availableTo=2027-03-12&partly=false&department=Lighting");
        assertThat(SearchLinks.with(criteria, "partly", true)).isEqualTo("/search?q=Okafor&role=Gaffer&location=Berlin"
                + "&workedOn=Night%20Shift&availableFrom=2027-03-10&availableTo=2027-03-12&partly=true&department=Lighting");
        assertThat(SearchLinks.with(criteria, "availableFrom", null, "availableTo", null, "partly", null))
                .isEqualTo("/search?q=Okafor&role=Gaffer&location=Berlin&workedOn=Night%20Shift&department=Lighting");
        assertThat(SearchLinks.with(criteria, "after", "NDAw:MQ=="))
                .as("the next page's cursor goes before the department")
                .endsWith("&partly=false&after=NDAw:MQ%3D%3D&department=Lighting");
    }
}
