package dev.ludus.api.spi;

/** The kinds of ids a game may declare in a catalog and rules may reference. */
public enum CatalogKind {
    /** {@code currencies} */
    CURRENCY,
    /** {@code badges} */
    BADGE,
    /** {@code quests} */
    QUEST
}
