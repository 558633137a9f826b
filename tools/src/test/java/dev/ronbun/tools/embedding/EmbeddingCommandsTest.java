package dev.ronbun.tools.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.CommandRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./ronbun bench embed} and {@code ./ronbun eval jsts} answer {@code --help} and usage errors before they load
 * the model: help exits 0, an unknown option or a value of the wrong type exits 2 with a readable message.
 */
class EmbeddingCommandsTest {

    @Test
    void helpListsTheOptionsAndExitsZero() {
        CommandRun bench = CommandRun.of(new CommandLine(new EmbeddingBenchmark()), "--help");
        CommandRun jsts = CommandRun.of(new CommandLine(new JstsEvaluation()), "--help");

        assertThat(bench.exitCode()).isZero();
        assertThat(bench.out()).contains("Usage: ronbun bench embed").contains("--tokens=N,N")
                .contains("--batch-sizes=N,N").contains("--seconds=S");
        assertThat(jsts.exitCode()).isZero();
        assertThat(jsts.out()).contains("Usage: ronbun eval jsts").contains("--raw").contains("--pooling=P");
    }

    @Test
    void usageErrorsAreReadableAndExitTwo() {
        CommandRun unknown = CommandRun.of(new CommandLine(new EmbeddingBenchmark()), "--papers", "10");
        CommandRun tokens = CommandRun.of(new CommandLine(new EmbeddingBenchmark()), "--tokens", "128,long");
        CommandRun pooling = CommandRun.of(new CommandLine(new JstsEvaluation()), "--pooling", "max");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--papers', '10'").contains("Usage: ronbun bench embed");
        assertThat(tokens.exitCode()).isEqualTo(2);
        assertThat(tokens.err()).contains("Invalid value for option '--tokens'").contains("'long' is not an int")
                .doesNotContain("For input string");
        assertThat(pooling.exitCode()).isEqualTo(2);
        assertThat(pooling.err()).contains("Invalid value for option '--pooling'")
                .contains("pooling must be one of cls, mean");
    }
}
