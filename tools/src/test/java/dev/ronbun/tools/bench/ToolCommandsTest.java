package dev.ronbun.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.infra.testing.CommandRun;
import dev.ronbun.tools.evaluation.IndexBenchmark;
import dev.ronbun.tools.evaluation.LoadCorpus;
import dev.ronbun.tools.evaluation.OfflineEvaluation;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The tools' commands ({@code ./ronbun bench recommend|freshness|load}, {@code eval recommend}, the load corpus)
 * answer {@code --help} with their usage and {@code --version} with the project's version, and exit 0, and usage
 * errors with a readable message and exit 2, before they build an index or call a stack.
 */
class ToolCommandsTest {

    private static final List<Class<?>> TOOLS = List.of(IndexBenchmark.class, OfflineEvaluation.class,
            FreshnessBenchmark.class, LoadBenchmark.class, LoadCorpus.class, RestoreBenchmark.class);

    @Test
    void everyToolAnswersHelp() {
        for (Class<?> tool : TOOLS) {
            CommandRun run = CommandRun.of(command(tool), "--help");

            assertThat(run.exitCode()).as(tool.getSimpleName()).isZero();
            assertThat(run.out()).as(tool.getSimpleName()).contains("Usage: ").contains("--help");
        }
    }

    @Test
    void everyToolAnswersVersionWithTheProjectVersion() {
        for (Class<?> tool : TOOLS) {
            CommandRun run = CommandRun.of(command(tool), "--version");

            assertThat(run.exitCode()).as(tool.getSimpleName()).isZero();
            assertThat(run.out().strip()).as(tool.getSimpleName()).isEqualTo("ronbun " + RonbunVersion.version());
        }
    }

    @Test
    void theFreshnessAndLoadHarnessesShareTheStackOptions() {
        for (Class<?> harness : List.of(FreshnessBenchmark.class, LoadBenchmark.class, RestoreBenchmark.class)) {
            CommandRun run = CommandRun.of(command(harness), "--help");

            assertThat(run.out()).as(harness.getSimpleName()).contains("--recommend-url=URL");
        }
        assertThat(CommandRun.of(command(FreshnessBenchmark.class), "--help").out()).contains("--ingest-url=URL");
        CommandRun typed = CommandRun.of(command(LoadBenchmark.class), "--recommend-url", "http://[bad");
        assertThat(typed.exitCode()).isEqualTo(2);
        assertThat(typed.err()).contains("Invalid value for option '--recommend-url'");
    }

    @Test
    void benchRecommendKeepsItsOptionsAndDefaults() {
        CommandRun run = CommandRun.of(command(IndexBenchmark.class), "--help");

        assertThat(run.out()).contains("Usage: ronbun bench recommend").contains("--papers=N").contains("100000")
                .contains("--hnsw-search-width=N").contains("--pgvector=JDBC_URL").contains("--quantized");
    }

    @Test
    void usageErrorsAreReadableAndExitTwo() {
        CommandRun unknown = CommandRun.of(command(IndexBenchmark.class), "--frobnicate");
        CommandRun typed = CommandRun.of(command(FreshnessBenchmark.class), "--probes", "many");
        CommandRun missing = CommandRun.of(command(OfflineEvaluation.class), "--no-tags");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'").contains("Usage: ronbun bench recommend");
        assertThat(typed.exitCode()).isEqualTo(2);
        assertThat(typed.err()).contains("Invalid value for option '--probes': 'many' is not an int");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--papers=FILE|URL'");
    }

    private static CommandLine command(Class<?> tool) {
        return new CommandLine(CommandLine.getCommandMethods(tool, "run").getFirst());
    }
}
