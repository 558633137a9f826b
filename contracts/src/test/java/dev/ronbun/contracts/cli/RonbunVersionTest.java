package dev.ronbun.contracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class RonbunVersionTest {

    @Command(name = "ronbun example", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class)
    static final class Example implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void theVersionIsTheProjectVersionMavenBuiltThisJarWith() {
        assertThat(RonbunVersion.version()).isEqualTo(System.getProperty("ronbun.project.version"))
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aCommandWithTheProviderPrintsRonbunAndTheVersionAndExitsZero() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new Example()).setOut(new PrintWriter(out, true)).execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("ronbun " + RonbunVersion.version());
    }
}
