/**
 * Productions, credits and their confirmation by colleagues: the filmography members can trust.
 * A production is shared by everyone credited on it; a colleague (a member with a credit on the
 * same production) may confirm another's credit. Public API: {@link com.moviepeople.credits.Credits}
 * (a member's credits for the profile page, productions shared with a viewer), its view records, and the
 * events {@link com.moviepeople.credits.CreditAdded}, {@link com.moviepeople.credits.CreditRemoved},
 * {@link com.moviepeople.credits.CreditConfirmed} and {@link com.moviepeople.credits.CreditUnconfirmed}.
 * Search reads the documented view {@code member_production} (V25). Members blocked either way
 * cannot confirm each other, and a block withdraws the pair's confirmations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "connections", "shared"})
package com.moviepeople.credits;
