/**
 * Portfolio: members' work, media URL parsing and embeds. API: {@link com.moviepeople.portfolio.PortfolioService}
 * (list a member's items), {@link com.moviepeople.portfolio.PortfolioItemView} and the events
 * {@link com.moviepeople.portfolio.PortfolioItemAdded}, {@code PortfolioItemUpdated}, {@code PortfolioItemRemoved}.
 * An item may prove one of its owner's credits (module credits). Refers to members by id only, so the profile page may depend on it and never the reverse.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"credits", "media", "shared"})
package com.moviepeople.portfolio;
