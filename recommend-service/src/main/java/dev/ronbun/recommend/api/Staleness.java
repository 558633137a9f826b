package dev.ronbun.recommend.api;

/** What happened, since a cached result was computed, to the inputs it was computed from. */
public enum Staleness {
    /** Nothing it depends on changed: serve it. */
    NONE,
    /**
     * A paper it was ranked from gained a new neighbour, so a new paper may now belong in it; everything it shows is
     * still true. It may be served while it is recomputed in the background, for a short grace.
     */
    NEW_NEIGHBOUR,
    /** A paper it shows or was ranked from was written or removed, or everything changed: compute before serving. */
    CHANGED
}
