package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import java.util.List;

/** One page of papers and how many match in all. */
public record PaperPage(List<PaperEvent> papers, long total) {
}
