package dev.ronbun.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.PostgresOutage;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ronbun ingest DIR} and {@code ./ronbun feeds …} against a real ingest-service, broker and database. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class CommandsAgainstServiceTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void ingestReportsEachFileSentDuplicateSkippedOrFailedAndASummary() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(folder.resolve("posts/2024"));
        Files.writeString(folder.resolve("posts/2024/lora.md"), """
                ---
                title: "LoRA: Low-Rank Adaptation of Large Language Models (%s)"
                date: 2024-05-01
                tags: [LLM, fine-tuning]
                ---
                ## どんなもの？
                重みの差分を低ランク行列で表して微調整する。
                """.formatted(run));
        Files.writeString(folder.resolve("posts/copy.md"), Files.readString(folder.resolve("posts/2024/lora.md")));
        Files.write(folder.resolve("posts/photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0});
        Files.writeString(folder.resolve("posts/blank.txt"), "   \n");

        int code = IngestCommand.run(args(folder.toString()), print(out), print(err));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).containsPattern("sent +\\S*lora\\.md \\(1 paper\\(s\\), [a-z-]+\\)")
                .containsPattern("duplicate +\\S*copy\\.md")
                .containsPattern("skipped +\\S*photo\\.jpg: not a text document \\(\\.jpg\\)")
                .containsPattern("failed +\\S*blank\\.txt: 400 ")
                .contains("1 sent (1 paper(s)), 1 already ingested, 1 skipped, 1 failed");
        assertThat(code).as("a failed document makes the command fail").isEqualTo(1);
    }

    @Test
    void filesSentPastTheWriteLimitWaitOutThe429sInsteadOfFailing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("curator", "pacing-" + run);
        // Spend this caller's writes (60 a minute, refilled one a second) as a long folder would, then send more.
        int answered = 0;
        while (answered++ < 200 && RestAssured.given().auth().oauth2(token).contentType("text/plain")
                .body("   ").post("/api/documents").statusCode() != 429) {
            // a blank document is refused (400) but counts as a write
        }
        assertThat(answered).as("the caller reached the write limit").isLessThanOrEqualTo(200);
        int files = 5;
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("post-%02d.md".formatted(i)), """
                    ---
                    title: "Pacing test paper %d (%s)"
                    date: 2024-05-01
                    ---
                    ## どんなもの？
                    書き込みの上限に達した後でも、待てばファイルは送られる。
                    """.formatted(i, run));
        }

        int code = IngestCommand.run(new String[] {folder.toString(), "--url", baseUrl(), "--token", token},
                print(out), print(err));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains(files + " sent (" + files + " paper(s)), 0 already ingested, 0 skipped, 0 failed")
                .containsPattern("waiting +1 s for the service's write limit \\(429\\)");
        assertThat(code).isZero();
    }

    @Test
    void aFileSentWhilePostgresqlIsDownWaitsOutThe503sAndIsSentWhenItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("curator", "outage-" + run);
        Files.writeString(folder.resolve("outage.md"), """
                ---
                title: "Outage test paper (%s)"
                date: 2024-05-01
                ---
                ## どんなもの？
                データベースが再起動している間に送られたファイルも、戻れば送られる。
                """.formatted(run));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> ingest;
            try (PostgresOutage outage = PostgresOutage.begin()) {
                ingest = background.submit(() -> IngestCommand.run(
                        new String[] {folder.toString(), "--url", baseUrl(), "--token", token}, print(out), print(err)));
                // The database comes back only once the command has been asked to wait.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!out.toString(StandardCharsets.UTF_8).contains("waiting") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            int code = ingest.get(2, TimeUnit.MINUTES);

            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(report).containsPattern("waiting +5 s for the service \\(503: [^)]+\\)")
                    .contains("1 sent (1 paper(s)), 0 already ingested, 0 skipped, 0 failed");
            assertThat(code).isZero();
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void feedsAddListShowAndRemoveGoThroughTheApi() {
        String feedUrl = "http://127.0.0.1:9/feed-" + UUID.randomUUID() + ".xml";

        assertThat(FeedsCommand.run(args("add", feedUrl, "--name", "Lab notes"), print(out), print(err))).isZero();
        String added = out.toString(StandardCharsets.UTF_8);
        assertThat(added).startsWith("added").contains("Lab notes").contains(feedUrl);
        String id = added.substring("added".length()).strip().split("\\s+")[0];

        out.reset();
        assertThat(FeedsCommand.run(args("list"), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(feedUrl).containsPattern(id + " +new ");

        out.reset();
        assertThat(FeedsCommand.run(args("poll", id), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("failing x1").contains("last error:");

        out.reset();
        assertThat(FeedsCommand.run(args("remove", id), print(out), print(err))).isZero();
        assertThat(FeedsCommand.run(args("show", id), print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("404");
    }

    @Test
    void aReaderTokenIsRefusedWithTheServersReason() {
        String[] asReader = {"list", "--url", baseUrl(), "--token", TestTokens.reader("alice")};

        assertThat(FeedsCommand.run(asReader, print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("403");
    }

    private static String[] args(String... words) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(List.of("--url", baseUrl(), "--token", TestTokens.curator()));
        return all.toArray(String[]::new);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
