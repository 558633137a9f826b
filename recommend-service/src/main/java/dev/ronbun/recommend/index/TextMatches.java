package dev.ronbun.recommend.index;

import java.util.List;

/**
 * What a more-like-this search found: the distinctive terms it searched for (best first, which explanations reuse)
 * and the papers they matched, best first.
 */
record TextMatches(List<String> terms, List<ScoredPaper> papers) {
}
