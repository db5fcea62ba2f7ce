package com.moviepeople.portfolio;

/** The member already keeps {@link PortfolioService#MAX_ITEMS} items; nothing was added. */
public class PortfolioFullException extends RuntimeException {

    public PortfolioFullException() {
        super("A portfolio holds at most " + PortfolioService.MAX_ITEMS + " items.");
    }
}
