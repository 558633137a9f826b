package dev.ronbun.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./ronbun eval} and {@code ./ronbun bench} answer as {@code ./ronbun} itself does: an unknown subcommand is
 * named, with the list of those there are, and exits 2; none at all exits 2 too; {@code --help} lists them and exits
 * 0; {@code ./ronbun bench pipeline}, the subcommand the script answers itself, answers {@code --help} with its
 * options and defaults. Each runs the real script as a process, before it looks for a JDK or builds anything.
 */
class RonbunSubcommandsTest {

    @TempDir
    Path state;

    @ParameterizedTest
    @CsvSource({"eval, foo, ./ronbun eval recommend", "bench, frobnicate, ./ronbun bench freshness"})
    void anUnknownSubcommandIsNamedWithTheListAndExitsTwo(String command, String unknown, String listed)
            throws Exception {
        Streams run = run(command, unknown);

        assertThat(run.err()).startsWith("ronbun: unknown subcommand: " + command + " " + unknown + "\n")
                .contains(listed);
        assertThat(run.out()).isEmpty();
        assertThat(run.exitValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"eval", "bench"})
    void noSubcommandIsAUsageErrorToo(String command) throws Exception {
        Streams run = run(command);

        assertThat(run.err()).startsWith("ronbun: " + command + " needs a subcommand:\n")
                .contains("./ronbun " + command + " recommend");
        assertThat(run.exitValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"eval, --help", "bench, -h", "bench, help"})
    void helpListsEverySubcommandOnStdoutAndExitsZero(String command, String help) throws Exception {
        Streams run = run(command, help);

        List<String> expected = command.equals("eval") ? List.of("jsts", "recommend")
                : List.of("embed", "pipeline", "recommend", "freshness", "load");
        for (String subcommand : expected) {
            assertThat(run.out()).contains("./ronbun " + command + " " + subcommand + " ");
        }
        assertThat(run.err()).isEmpty();
        assertThat(run.exitValue()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h"})
    void benchPipelineAnswersHelpWithItsOptionsAndDefaultsAndExitsZero(String help) throws Exception {
        Streams run = run("bench", "pipeline", help);

        assertThat(run.out()).startsWith("usage: ./ronbun bench pipeline ")
                .contains("--summaries N (120)", "--rounds R (3)", "--warmup W (300)");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitValue()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"--frobnicate", "--warm-up"})
    void benchPipelineNamesAnUnknownOptionWithTheUsageAndExitsTwo(String unknown) throws Exception {
        Streams run = run("bench", "pipeline", unknown, "5");

        assertThat(run.err()).startsWith("ronbun: unknown option: " + unknown + "\n")
                .contains("usage: ./ronbun bench pipeline ");
        assertThat(run.out()).isEmpty();
        assertThat(run.exitValue()).isEqualTo(2);
    }

    private record Streams(String out, String err, int exitValue) {
    }

    private Streams run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(state.resolve("stdout").toFile())
                .redirectError(state.resolve("stderr").toFile());
        builder.environment().put("RONBUN_STATE_DIR", state.resolve("stack").toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("./ronbun %s finished", List.of(arguments)).isTrue();
        return new Streams(Files.readString(state.resolve("stdout")), Files.readString(state.resolve("stderr")),
                process.exitValue());
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ronbun")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("ronbun");
            }
        }
        throw new IllegalStateException("no ./ronbun above " + Path.of("").toAbsolutePath());
    }
}
