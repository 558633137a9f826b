package dev.ronbun.recommend.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Papers summarised per week, one count per paper per document, split by the document's shape (format) and by the
 * document itself (source).
 *
 * @param basis    {@code document} or {@code ingested}, see {@link CountBasis}
 * @param weeks    the Mondays of the weeks shown, oldest first
 * @param byFormat one series per document shape, largest first
 * @param bySource one series per document, largest first; documents beyond the tenth are summed as "その他"
 * @param total    all summaries counted in these weeks
 */
public record PapersPerWeek(String basis, List<LocalDate> weeks, List<CountSeries> byFormat,
                            List<CountSeries> bySource, int total) {
}
