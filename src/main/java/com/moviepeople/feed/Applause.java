package com.moviepeople.feed;

/** The applause on a post or comment as one viewer sees it: how many, and whether one of them is theirs. */
record Applause(long count, boolean mine) {

    static final Applause NONE = new Applause(0, false);
}
