package dev.ronbun.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.infra.testing.CommandRun;
import org.junit.jupiter.api.Test;

/**
 * ingest-service's commands ({@code ./ronbun ingest}, {@code feeds}, {@code parse}) answer {@code --help} with their
 * usage and exit 0, and an unknown option or a value of the wrong type with a readable message, the usage and exit
 * 2, before they read a file or call the service.
 */
class CommandLineUsageTest {

    @Test
    void everyCommandAnswersHelpWithItsOptions() {
        CommandRun ingest = CommandRun.of(IngestCommand::run, "--help");
        CommandRun feeds = CommandRun.of(FeedsCommand::run, "--help");
        CommandRun parse = CommandRun.of(ParseCommand::run, "-h");

        assertThat(ingest.exitCode()).isZero();
        assertThat(ingest.out()).contains("Usage: ronbun ingest").contains("--max-bytes=N").contains("FILE|DIR...");
        assertThat(feeds.exitCode()).isZero();
        assertThat(feeds.out()).contains("Usage: ronbun feeds").contains("--name=NAME").contains("--token=TOKEN");
        assertThat(parse.exitCode()).isZero();
        assertThat(parse.out()).contains("Usage: ronbun parse").contains("--format=F");
    }

    @Test
    void everyCommandPrintsTheProjectVersion() {
        for (CommandRun run : new CommandRun[] {CommandRun.of(IngestCommand::run, "--version"),
                CommandRun.of(FeedsCommand::run, "--version"), CommandRun.of(ParseCommand::run, "-V")}) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out().strip()).isEqualTo("ronbun " + RonbunVersion.version());
        }
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsage() {
        CommandRun run = CommandRun.of(IngestCommand::run, "--frobnicate", "notes.md");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'").contains("Usage: ronbun ingest");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsAReadableUsageError() {
        CommandRun maxBytes = CommandRun.of(IngestCommand::run, "--max-bytes", "lots", "notes.md");
        CommandRun format = CommandRun.of(ParseCommand::run, "notes.md", "--format", "docx");

        assertThat(maxBytes.exitCode()).isEqualTo(2);
        assertThat(maxBytes.err()).contains("Invalid value for option '--max-bytes': 'lots' is not a long")
                .doesNotContain("For input string").doesNotContain("Exception");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("Invalid value for option '--format'")
                .contains("unknown document format 'docx'");
    }

    @Test
    void feedsWithoutAnActionOrWithAnUnknownOneIsAUsageError() {
        CommandRun none = CommandRun.of(FeedsCommand::run);
        CommandRun unknown = CommandRun.of(FeedsCommand::run, "subscribe", "https://example.org/feed");
        CommandRun noNumber = CommandRun.of(FeedsCommand::run, "poll", "latest");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter: 'ACTION'");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown action 'subscribe'");
        assertThat(noNumber.exitCode()).isEqualTo(2);
        assertThat(noNumber.err()).contains("give the feed's number");
    }
}
