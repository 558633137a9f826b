package dev.ronbun.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin commands of {@code ./ronbun} against a stack that is not running: each must reach its service's admin
 * endpoint and say that nothing answered, before it builds anything or mints a token (so this runs on a clean clone
 * whose services are not built yet). Their helper functions once sat inside {@code cmd_eval}, so outside an eval they
 * were "command not found". {@code ./ronbun test} installs what the browser tests need, checked here with fake
 * {@code apt-get}, {@code mvn}, {@code id} and {@code sudo} commands that record how they were called. The script
 * names an unknown command, answers help, and drops only the JVM's incubator notice from a Java command's stderr.
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

    @Test
    void reindexRebuildsTheIndexOfEveryRecommendReplicaInTurn() throws Exception {
        Path run = Files.createDirectories(state.resolve("stack/run"));
        int first = freePort();
        int second = freePort();
        Files.writeString(run.resolve("recommend-service.port"), first + "\n");
        Files.writeString(run.resolve("recommend-service-2.port"), second + "\n");
        Files.writeString(run.resolve("embed-service-2.port"), "8092\n");

        Streams reindex = runScript(List.of("reindex"), Map.of());

        assertThat(reindex.err()).containsSubsequence(
                "ronbun: reindexing the recommend-service replica on port " + first,
                "http://127.0.0.1:" + first + "/api/admin/reindex did not answer",
                "ronbun: reindexing the recommend-service replica on port " + second,
                "http://127.0.0.1:" + second + "/api/admin/reindex did not answer")
                .doesNotContain("8092");
        assertThat(reindex.exitValue()).isEqualTo(1);
    }

    @Test
    void theTestCommandInstallsOnlyTheMissingPackagesAsRootThenRunsMaven() throws Exception {
        Path present = Files.createFile(state.resolve("chromedriver"));
        String packages = state.resolve("missing/chromium") + " chromium\n" + present + " chromium-driver\n"
                + state.resolve("missing/NotoSansCJK-Regular.ttc") + " fonts-noto-cjk";

        Run run = runTestCommand(packages, 0, true);

        assertThat(run.output()).contains("ronbun: installing chromium for the browser tests")
                .contains("ronbun: installing fonts-noto-cjk for the browser tests")
                .doesNotContain("installing chromium-driver");
        assertThat(recorded("apt-get")).containsExactly("update -qq", "install -y -qq chromium fonts-noto-cjk");
        assertThat(recorded("mvn")).containsExactly("-B verify -o -pl contracts");
        assertThat(run.exitValue()).isZero();
    }

    @Test
    void theTestCommandSaysWhatToInstallWhenItCannotAndStillRunsMaven() throws Exception {
        String packages = state.resolve("missing/chromedriver") + " chromium-driver";

        Run run = runTestCommand(packages, 1000, false);

        assertThat(run.output()).contains("install them with: sudo apt-get install chromium-driver")
                .doesNotContain("ronbun: installing");
        assertThat(recorded("apt-get")).isEmpty();
        assertThat(recorded("mvn")).containsExactly("-B verify -o -pl contracts");
        assertThat(run.exitValue()).isZero();
    }

    @Test
    void theTestCommandInstallsNothingWhenEverythingIsThere() throws Exception {
        Path chromium = Files.createFile(state.resolve("chromium"));

        Run run = runTestCommand(chromium + " chromium", 0, true);

        assertThat(run.output()).doesNotContain("installing");
        assertThat(recorded("apt-get")).isEmpty();
        assertThat(recorded("mvn")).containsExactly("-B verify -o -pl contracts");
    }

    @Test
    void upLetsIngestFetchPrivateFeedAddressesOnlyWhenAskedTo() throws Exception {
        Run asked = runUp("--allow-private-feeds");
        Run notAsked = runUp();

        assertThat(asked.output()).contains("supervisor sees RONBUN_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES=true")
                .contains("ingest may fetch feeds on loopback and private addresses");
        assertThat(notAsked.output()).contains("supervisor sees RONBUN_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES=unset")
                .doesNotContain("private addresses");
        assertThat(asked.exitValue()).isZero();
        assertThat(notAsked.exitValue()).isZero();
    }

    @Test
    void upHandsTheNumberOfBrokersAndReplicasToTheSupervisor() throws Exception {
        Run cluster = runUp("--brokers", "3", "--replicas=2");
        Run defaults = runUp();

        assertThat(cluster.output()).contains("supervisor sees 3 brokers, 2 replicas");
        assertThat(defaults.output()).contains("supervisor sees unset brokers, unset replicas");
        assertThat(cluster.exitValue()).isZero();
    }

    @Test
    void upRefusesACountThatIsNotAWholeNumberFromOne() throws Exception {
        Run none = runUp("--brokers", "0");
        Run word = runUp("--replicas", "two");

        assertThat(none.output()).contains("ronbun: --brokers needs a whole number from 1, not '0'")
                .doesNotContain("supervisor sees");
        assertThat(word.output()).contains("ronbun: --replicas needs a whole number from 1, not 'two'");
        assertThat(none.exitValue()).isEqualTo(2);
        assertThat(word.exitValue()).isEqualTo(2);
    }

    @Test
    void statusListsEveryBrokerAndReplicaWithItsPidPortAndReadiness() throws Exception {
        Path run = Files.createDirectories(state.resolve("stack/run"));
        int closedPort = freePort();
        // This test's own JVM stands in for a live replica: status checks that a pid is a java process.
        Files.writeString(run.resolve("recommend-service-2.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(run.resolve("recommend-service-2.port"), closedPort + "\n");
        Files.writeString(run.resolve("kafka-3.port"), "9094\n");
        // A broker stand-in: this JVM again (a java process) with a port that listens, as a broker's would.
        ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Files.writeString(run.resolve("kafka.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(run.resolve("kafka.port"), listening.getLocalPort() + "\n");
        Files.writeString(run.resolve("kafka-2.port"), "9093\n");
        Files.createDirectories(run.resolve("kafka-2"));

        Streams status;
        try (listening) {
            status = runScript(List.of("status"), Map.of());
        }

        List<String> lines = status.out().lines().map(line -> line.replaceAll("\\s+", " ").trim()).toList();
        assertThat(lines).containsSubsequence("COMPONENT STATE PID PORT READY", "ronbun down - -",
                "kafka up " + ProcessHandle.current().pid() + " " + listening.getLocalPort() + " yes (listening)",
                "kafka-2 down - 9093", "kafka-3 down - 9094", "postgres down - -", "recommend-service down - -",
                "recommend-service-2 up " + ProcessHandle.current().pid() + " " + closedPort + " no (HTTP 000)");
        assertThat(status.exitValue()).isZero();
    }

    @Test
    void anUnknownCommandIsNamedAndAnsweredWithTheUsageOnStderrAndExitTwo() throws Exception {
        Streams run = runScript(List.of("frobnicate"), Map.of());

        assertThat(run.err()).startsWith("ronbun: unknown command 'frobnicate'\n").contains("./ronbun up [--detach]")
                .contains("./ronbun reindex");
        assertThat(run.out()).isEmpty();
        assertThat(run.exitValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"--help", "help", "-h"})
    void helpPrintsTheUsageOnStdoutAndExitsZero(String help) throws Exception {
        Streams run = runScript(List.of(help), Map.of());

        assertThat(run.out()).contains("Runs Ronbun on this machine").contains("./ronbun token --role");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitValue()).isZero();
    }

    @Test
    void theJvmsIncubatorNoticeIsDroppedAndEverythingElsePasses() throws Exception {
        Path jdkBin = fakeJdk("echo \"$*\" >> " + state.resolve("java.calls") + "; echo figures;"
                + " echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2;"
                + " echo 'a real warning' >&2; exit 3");

        Streams bench = runScript(List.of("bench", "recommend", "--papers", "10"), Map.of("JAVA_HOME",
                jdkBin.getParent().toString()));
        Streams parse = runScript(List.of("parse", "notes.md"), Map.of("JAVA_HOME", jdkBin.getParent().toString()));

        assertThat(bench.out()).contains("figures");
        assertThat(bench.err()).contains("a real warning").doesNotContain("incubator");
        assertThat(bench.exitValue()).isEqualTo(3);
        assertThat(recorded("java")).anySatisfy(call -> assertThat(call).contains("--add-modules=jdk.incubator.vector")
                .endsWith("dev.ronbun.tools.evaluation.IndexBenchmark --papers 10"));
        assertThat(recorded("java")).anySatisfy(call -> assertThat(call).doesNotContain("jdk.incubator.vector")
                .endsWith("dev.ronbun.ingest.cli.ParseCommand notes.md"));
        assertThat(parse.exitValue()).isEqualTo(3);
    }

    private record Streams(String out, String err, int exitValue) {
    }

    /** Runs {@code ./ronbun ARGS} with a fake {@code mvn} (in case nothing is built), stdout and stderr apart. */
    private Streams runScript(List<String> arguments, Map<String, String> extraEnvironment) throws Exception {
        Path bin = Files.createDirectories(state.resolve("bin"));
        fakeCommand(bin, "mvn", "echo \"$*\" >> " + state.resolve("mvn.calls"));
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(state.resolve("stdout").toFile())
                .redirectError(state.resolve("stderr").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.put("RONBUN_STATE_DIR", state.resolve("stack").toString());
        environment.putAll(extraEnvironment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./ronbun %s finished", arguments).isTrue();
        return new Streams(Files.readString(state.resolve("stdout")), Files.readString(state.resolve("stderr"))
                .replaceAll("(?m)^ronbun: (using Java|building).*\n", ""), process.exitValue());
    }

    /** A JDK whose {@code java} says it is Java 25 when asked, and otherwise runs {@code body}. */
    private Path fakeJdk(String body) throws IOException {
        Path jdkBin = Files.createDirectories(state.resolve("fake-jdk/bin"));
        fakeCommand(jdkBin, "javac", "exit 0");
        fakeCommand(jdkBin, "java", "if [ \"$1\" = -XshowSettings:properties ]; then"
                + " echo 'java.specification.version = 25'; exit 0; fi; " + body);
        return jdkBin;
    }

    private record Run(String output, int exitValue) {
    }

    /**
     * Runs {@code ./ronbun up ARGS} with a fake JDK whose {@code java} prints the setting the supervisor (and so every
     * service it launches) inherits, and a fake {@code mvn} in case the services are not built.
     */
    private Run runUp(String... arguments) throws Exception {
        Path bin = Files.createDirectories(state.resolve("bin"));
        fakeCommand(bin, "mvn", "echo \"$*\" >> " + state.resolve("mvn.calls"));
        Path jdkBin = Files.createDirectories(state.resolve("fake-jdk/bin"));
        fakeCommand(jdkBin, "javac", "exit 0");
        fakeCommand(jdkBin, "java", "if [ \"$1\" = -XshowSettings:properties ]; then echo 'java.specification.version = 25';"
                + " else echo \"supervisor sees RONBUN_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES="
                + "${RONBUN_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES:-unset}\";"
                + " echo \"supervisor sees ${RONBUN_KAFKA_BROKERS:-unset} brokers,"
                + " ${RONBUN_REPLICAS:-unset} replicas\"; fi");
        List<String> command = new ArrayList<>(List.of("bash", script().toString(), "up"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.put("JAVA_HOME", state.resolve("fake-jdk").toString());
        environment.put("RONBUN_STATE_DIR", state.resolve("stack").toString());
        environment.remove("RONBUN_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES");
        environment.remove("RONBUN_KAFKA_BROKERS");
        environment.remove("RONBUN_REPLICAS");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./ronbun up finished").isTrue();
        return new Run(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                process.exitValue());
    }

    /**
     * Runs {@code ./ronbun test -o -pl contracts} with fake commands first on the PATH: {@code id -u} prints
     * {@code uid}, {@code sudo -n} works only when {@code sudo} is true, {@code apt-get} and {@code mvn} record their
     * arguments in {@code <name>.calls}.
     */
    private Run runTestCommand(String packages, int uid, boolean sudo) throws Exception {
        Path bin = Files.createDirectories(state.resolve("bin"));
        fakeCommand(bin, "apt-get", "echo \"$*\" >> " + state.resolve("apt-get.calls"));
        fakeCommand(bin, "mvn", "echo \"$*\" >> " + state.resolve("mvn.calls"));
        fakeCommand(bin, "id", "echo " + uid);
        fakeCommand(bin, "sudo", sudo ? "[ \"$1\" = -n ] && shift; exec \"$@\"" : "exit 1");
        ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), "test", "-o", "-pl", "contracts")
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("RONBUN_STATE_DIR", state.toString());
        environment.put("RONBUN_TEST_PACKAGES", packages);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./ronbun test finished").isTrue();
        return new Run(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                process.exitValue());
    }

    private static void fakeCommand(Path bin, String name, String body) throws IOException {
        Path command = bin.resolve(name);
        Files.writeString(command, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> recorded(String command) throws IOException {
        Path calls = state.resolve(command + ".calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
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
