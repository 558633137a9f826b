package dev.ronbun.contracts.events;

/**
 * A paper that a summary points its reader to ("次に読むべき論文", key references, a reference list). Any of the three
 * may be missing, but a reference has at least one.
 *
 * @param title   the referenced paper's title as written
 * @param arxivId its arXiv id without version suffix, where the reference gives one
 * @param url     the link the reference gives
 */
public record Reference(String title, String arxivId, String url) {
}
