package dev.ronbun.recommend.analytics;

import java.util.Map;

/**
 * How often one paper was read.
 *
 * @param events  all reading events on the paper
 * @param readers distinct readers who did anything with it
 * @param byType  events per reading type, every type present (zero when none)
 */
public record PaperReads(String paperId, int events, int readers, Map<String, Integer> byType) {
}
