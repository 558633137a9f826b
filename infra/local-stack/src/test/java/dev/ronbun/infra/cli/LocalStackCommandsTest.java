package dev.ronbun.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.infra.security.TokenCommand;
import dev.ronbun.infra.stack.RonbunStack;
import dev.ronbun.infra.stack.StackConfig;
import dev.ronbun.infra.testing.CommandRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The picocli commands of local-stack ({@code ./ronbun token}, the admin jobs, the supervisor) answer {@code --help}
 * with their usage and exit 0, and a usage error with a readable message, the usage and exit 2: never a stack trace
 * or a bare {@code NumberFormatException}.
 */
class LocalStackCommandsTest {

    @TempDir
    Path state;

    @Test
    void tokenHelpPrintsItsOptionsAndExitsZero() {
        CommandRun run = CommandRun.of(this::token, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ronbun token").contains("--role=ROLE").contains("--reader=ID")
                .contains("--hours=H");
        assertThat(state.resolve("keys")).doesNotExist();
    }

    @Test
    void tokenHoursThatAreNotANumberAreAUsageError() {
        CommandRun run = CommandRun.of(this::token, "--role", "admin", "--hours", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--hours': 'abc' is not an int")
                .contains("Usage: ronbun token").doesNotContain("For input string").doesNotContain("at picocli");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void tokenRefusesAnUnknownOptionAndAnUnknownRole() {
        CommandRun unknownOption = CommandRun.of(this::token, "--role", "admin", "--frobnicate");
        CommandRun unknownRole = CommandRun.of(this::token, "--role", "root");
        CommandRun noRole = CommandRun.of(this::token);

        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--frobnicate'").contains("Usage: ronbun token");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
        assertThat(unknownRole.err()).contains("'root' is not one of reader, curator, admin");
        assertThat(noRole.exitCode()).isEqualTo(2);
        assertThat(noRole.err()).contains("Missing required option: '--role=ROLE'");
    }

    @Test
    void adminJobHelpAndUsageErrors() {
        CommandRun help = CommandRun.of(this::adminJob, "--help");
        CommandRun unknownJob = CommandRun.of(this::adminJob, "rebuild");
        CommandRun badInterval = CommandRun.of(this::adminJob, "reindex", "--poll-ms", "soon");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: ronbun admin-job").contains("reindex or reembed");
        assertThat(unknownJob.exitCode()).isEqualTo(2);
        assertThat(unknownJob.err()).contains("rebuild").contains("REINDEX, REEMBED");
        assertThat(badInterval.exitCode()).isEqualTo(2);
        assertThat(badInterval.err()).contains("Invalid value for option '--poll-ms': 'soon' is not a long");
    }

    @Test
    void tokenAndAdminJobPrintTheProjectVersion() {
        CommandRun token = CommandRun.of(this::token, "--version");
        CommandRun adminJob = CommandRun.of(this::adminJob, "-V");

        assertThat(token.exitCode()).isZero();
        assertThat(token.out().strip()).isEqualTo("ronbun " + RonbunVersion.version());
        assertThat(adminJob.exitCode()).isZero();
        assertThat(adminJob.out().strip()).isEqualTo("ronbun " + RonbunVersion.version());
        assertThat(state.resolve("keys")).doesNotExist();
    }

    @Test
    void theSupervisorAnswersHelpWithoutStartingAnything() {
        CommandLine supervisor = new CommandLine(CommandLine.getCommandMethods(RonbunStack.class, "run").getFirst());

        CommandRun help = CommandRun.of(supervisor, "--help");
        CommandRun unknown = CommandRun.of(supervisor, "--detach");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: ronbun up");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--detach'");
    }

    private int token(String[] args, PrintStream out, PrintStream err) {
        return TokenCommand.run(args, config(), out, err);
    }

    private int adminJob(String[] args, PrintStream out, PrintStream err) {
        return AdminJobCommand.run(args, config(), out, err);
    }

    private StackConfig config() {
        return StackConfig.from(Map.of("RONBUN_STATE_DIR", state.toString())::get);
    }
}
