package dev.ronbun.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin commands of {@code ./ronbun} against a stack that is not running: each must reach its service's admin
 * endpoint and say that nothing answered, before it builds anything or mints a token (so this runs on a clean clone
 * whose services are not built yet). Their helper functions once sat inside {@code cmd_eval}, so outside an eval they
 * were "command not found".
 */
class RonbunScriptTest {

    @TempDir
    Path state;

    @ParameterizedTest
    @CsvSource({"reindex, RONBUN_RECOMMEND_PORT, /api/admin/reindex", "reembed, RONBUN_EMBED_PORT, /api/admin/reembed"})
    void anAdminCommandCallsItsServiceAndSaysWhenNothingAnswers(String command, String portVariable, String path)
            throws Exception {
        int closedPort = freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), command).redirectErrorStream(true);
        builder.environment().put("RONBUN_STATE_DIR", state.toString());
        builder.environment().put(portVariable, Integer.toString(closedPort));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("./ronbun %s finished", command).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).doesNotContain("command not found").doesNotContain("building")
                .contains("http://127.0.0.1:" + closedPort + path + " did not answer; is ./ronbun up running?");
        assertThat(process.exitValue()).isEqualTo(1);
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ronbun")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("ronbun");
            }
        }
        throw new IllegalStateException("no ./ronbun above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
