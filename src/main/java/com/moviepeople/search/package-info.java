/**
 * People search: find members by name, username and headline (forgiving typos, accents and
 * case), filtered by role and location. Reads its own projection, {@code search_person}, which it
 * keeps current from the accounts and profiles events. No public API: nothing depends on search.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "profiles", "connections", "shared"})
package com.moviepeople.search;
