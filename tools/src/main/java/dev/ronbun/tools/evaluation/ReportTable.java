package dev.ronbun.tools.evaluation;

import dev.ronbun.tools.evaluation.OfflineEvaluation.Comparison;
import dev.ronbun.tools.evaluation.OfflineEvaluation.Report;
import dev.ronbun.tools.evaluation.OfflineEvaluation.Result;
import dev.ronbun.tools.evaluation.OfflineEvaluation.SetReport;
import java.nio.file.Path;
import java.util.List;

/** The evaluation's report as Markdown tables, one per label set, ready for docs/benchmarks.md. */
final class ReportTable {

    private ReportTable() {
    }

    static String render(Report report, String papersSource, List<Path> topicFiles, Path twins) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("papers %d (works %d) from %s; topics %s; twins %s%n", report.papers(),
                report.works(), papersSource, topicFiles, twins));
        out.append("Tune ranking on the TUNE set only; the REPORT sets are for reporting, never for choosing settings.\n");
        out.append("Each figure: mean over queries (readers) [95 % bootstrap interval, ")
                .append(Bootstrap.RESAMPLES).append(" resamples, seed ").append(Bootstrap.SEED).append("].\n");
        for (SetReport set : report.sets()) {
            out.append(String.format("%n### %s (%s): %d labelled works in %d topics; %d related queries, %d readers;"
                            + " precision@5 ceiling %.3f%n%n", set.labelSet(), set.role(), set.labelledWorks(),
                    set.topics(), set.results().getFirst().relatedQueries(), set.results().getFirst().readers(),
                    set.precisionAt5Ceiling()));
            out.append("| variant | related P@5 | related nDCG@10 | related MRR@10 | reader hit@10 | reader nDCG@10"
                    + " | reader MRR@10 |\n|---|---|---|---|---|---|---|\n");
            for (Result r : set.results()) {
                out.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n", r.variant(), r.precisionAt5(),
                        r.relatedNdcgAt10(), r.relatedMrr(), r.hitRateAt10(), r.ndcgAt10(), r.mrr()));
            }
            out.append("\nRatios to the anchors, paired over the same queries (goal: P@5 ×1.2 or more and hit@10 ×1.0 or"
                    + " more against every anchor):\n\n| variant | anchor | P@5 ratio | hit@10 ratio |\n|---|---|---|---|\n");
            for (Comparison c : set.versusAnchor()) {
                out.append(String.format("| %s | %s | ×%s | ×%s |%n", c.variant(), c.anchor(), ratio(c.precisionRatio()),
                        ratio(c.hitRateRatio())));
            }
            if (!set.unmatched().isEmpty()) {
                out.append("labelled items not found among the papers: ").append(set.unmatched().size()).append('\n');
                set.unmatched().forEach(item -> out.append("  ").append(item).append('\n'));
            }
        }
        return out.toString();
    }

    private static String ratio(Bootstrap.Estimate e) {
        return Double.isNaN(e.mean()) ? "n/a" : String.format("%.2f [%.2f, %.2f]", e.mean(), e.low(), e.high());
    }
}
