package dev.ronbun.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared checks behind every service's HTTP edge. */
class EdgeValidationTest {

    @Test
    void unsafeTextFindsNulsAndUnpairedSurrogatesButNotPairs() {
        assertThat(UnsafeText.flaw("x\u0000y")).hasValueSatisfying(flaw -> assertThat(flaw).contains("NUL"));
        assertThat(UnsafeText.flaw("a\ud800")).hasValueSatisfying(flaw -> assertThat(flaw).contains("surrogate"));
        assertThat(UnsafeText.flaw("\udc00b")).isPresent();
        assertThat(UnsafeText.flaw("拡散モデル 😀 ok")).isEmpty();
    }

    @Test
    void logTextNeverCarriesAControlCharacterOrASurrogate() {
        String logged = UnsafeText.forLog("a\u0000b\nc\ud800\\" + "x".repeat(500));

        assertThat(logged).doesNotContain("\u0000", "\n", "\ud800").startsWith("a\\u0000b\\u000ac\\ud800\\u005c");
        assertThat(logged.length()).isLessThan(260);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "aoi", "reader-0b6f0d3e-3c1e-4f8e-9a39-6a2b7c1d2e3f", "a.b_c@d-e"})
    void readerIdsOfTheDocumentedShapePass(String id) {
        assertThat(Ids.reader("readerId", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\u0000b", "a/b", "ä", "<script>", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void readerIdsOutsideTheShapeAre400NamingTheParameter(String id) {
        assertThatThrownBy(() -> Ids.reader("readerId", id)).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("'readerId'").doesNotContain("\u0000");
                });
    }

    @Test
    void paperAndEventIdsHaveTheirOwnShapes() {
        assertThat(Ids.paper("paperId", "0b6f0d3e-3c1e-4f8e-9a39-6a2b7c1d2e3f")).isNotNull();
        assertThat(Ids.event("eventId", "evt:1@ui")).isNotNull();
        assertThatThrownBy(() -> Ids.paper("paperId", "../etc")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Ids.event("eventId", "x\u0000y")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Ids.event("eventId", "e".repeat(129))).isInstanceOf(ProblemException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "2147483648", "-1", "0x10", "1e3"})
    void malformedOrOutOfRangeWholeNumbersAre400NamingTheParameter(String raw) {
        assertThatThrownBy(() -> QueryParameters.integer("size", raw, 10, 0, 100))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("'size'"));
    }

    @Test
    void wholeNumbersInRangeAndAbsentOnesPass() {
        assertThat(QueryParameters.integer("size", " 42 ", 10, 0, 100)).isEqualTo(42);
        assertThat(QueryParameters.integer("size", null, 10, 0, 100)).isEqualTo(10);
        assertThat(QueryParameters.integer("size", "", 10, 0, 100)).isEqualTo(10);
    }

    @Test
    void flagsAreTrueOrFalseAndNothingElse() {
        assertThat(QueryParameters.flag("dryRun", "TRUE", false)).isTrue();
        assertThat(QueryParameters.flag("dryRun", " false ", true)).isFalse();
        assertThat(QueryParameters.flag("dryRun", null, true)).isTrue();
        assertThatThrownBy(() -> QueryParameters.flag("dryRun", "yes", false))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("'dryRun'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%00b", "/%ED%A0%80", "/%C0%80", "/%FF", "/%zz", "/%2", "/%"})
    void uriPartsThatAreNotNulFreeUtf8AreFlawed(String raw) {
        assertThat(RequestLineGuard.flaw("path", raw)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers", "/api/search", "q=%E6%8B%A1%E6%95%A3&size=5", "/%F0%9F%98%80", "a+b"})
    void wellFormedUriPartsPass(String raw) {
        assertThat(RequestLineGuard.flaw("query", raw)).isEmpty();
    }

    @Test
    void aCostlyCallTakesAsManyTokensAndNeverMoreThanTheBucketHolds() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(256, Duration.ofMinutes(1), now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("reader", 64)).isEmpty();
        }
        assertThat(buckets.take("reader", 64)).isPresent();
        assertThat(buckets.take("other", 1000)).as("clamped to the capacity: a full bucket pays for it").isEmpty();
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(buckets.take("reader", 64)).as("a quarter of the minute refills 64").isEmpty();
    }
}
