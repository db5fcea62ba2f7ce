/**
 * People search: find members by name, username and headline (forgiving typos, accents and
 * case), filtered by role, location and the productions they worked on (through the credits module's documented view
 * {@code member_production}) and availability for a period (through the availability module's documented
 * functions {@code mp_available_to} and {@code mp_available_members}, which leave out members who do not let the viewer know). Reads its own projection, {@code search_person}, which it
 * keeps current from the accounts and profiles events. No public API: nothing depends on search. Members blocked either way are left out of the results.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "availability", "blocking", "profiles", "connections", "shared"})
package com.moviepeople.search;
