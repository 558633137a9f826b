package dev.ronbun.recommend;

import static io.restassured.RestAssured.given;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.infra.testing.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Arranges papers the way production does: as PaperEvents on the compacted {@code ronbun.papers.v1}, with small
 * synthetic vectors (every test uses three dimensions and the model "test-model" v1, since one index holds one
 * vector dimension). Each test class uses its own {@code kind} so that its queries can be confined to its papers.
 */
public final class TestPapers {

    public static final String MODEL = "test-model";
    public static final String MODEL_VERSION = "v1";

    private TestPapers() {
    }

    /** A paper builder with sensible defaults; the id is derived from the arXiv-style key as embed-service does. */
    public static Builder paper(String key, String title) {
        return new Builder(key, title);
    }

    public static float[] vector(float a, float b, float c) {
        float norm = (float) Math.sqrt(a * a + b * b + c * c);
        return new float[] {a / norm, b / norm, c / norm};
    }

    /**
     * The paper as embed-service publishes it after merging a title-keyed record of the same work into it: the former
     * record's summary added, its first sighting kept, its id in {@code formerIds}.
     */
    public static PaperEvent mergedInto(PaperEvent paper, PaperEvent former) {
        List<PaperSummary> summaries = new ArrayList<>(paper.summaries());
        PaperSummary note = former.summaries().getFirst();
        summaries.add(new PaperSummary(note.summaryId(), "e".repeat(64), "study-group-notes.txt", "study-group-notes",
                note.presenter(), LocalDate.of(2026, 1, 13), note.summary(), note.sections(), note.body()));
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), summaries,
                paper.keywords(), paper.embedding(), former.firstSeenAt(), Instant.now(), paper.tags(),
                paper.references(), List.of(former.paperId()));
    }

    public static void publish(PaperEvent paper) {
        TestTopics.send(Topics.PAPERS.name(), paper.paperId(), EventJson.write(paper));
    }

    /** Publishes the papers and waits until the service serves each of them. */
    public static void publishAndAwait(PaperEvent... papers) {
        for (PaperEvent paper : papers) {
            publish(paper);
        }
        for (PaperEvent paper : papers) {
            awaitPresent(paper.paperId());
        }
    }

    /** Waits until the service says it is ready: its index complete, the replay into this run's new index done. */
    public static void awaitReady() {
        await("recommend-service ready", () -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    public static void awaitPresent(String paperId) {
        await("paper " + paperId + " to be indexed",
                () -> given().auth().oauth2(TestTokens.reader("any-reader"))
                        .when().get("/api/papers/{id}", paperId).statusCode() == 200);
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after 60 s waiting for " + what);
    }

    /** Builds a {@link PaperEvent} as embed-service would publish it. */
    public static final class Builder {

        private final String key;
        private final String title;
        private String titleJa;
        private String arxivId;
        private String kind = "paper";
        private String text;
        private float[] vector = TestPapers.vector(1, 0, 0);
        private List<String> keywords = List.of();
        private Instant firstSeen = Instant.now();
        private Instant updated;
        private String presenter = "Aoi";
        private List<String> tags = List.of();
        private List<Reference> references = List.of();
        private String venue;
        private Integer year;

        private Builder(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** Where and when it was published, as a citation gives them. */
        public Builder published(String venueName, int yearOfPublication) {
            this.venue = venueName;
            this.year = yearOfPublication;
            return this;
        }

        public Builder titleJa(String value) {
            this.titleJa = value;
            return this;
        }

        public Builder arxiv(String value) {
            this.arxivId = value;
            return this;
        }

        public Builder kind(String value) {
            this.kind = value;
            return this;
        }

        /** The summary text BM25 reads (besides the title). */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder vector(float a, float b, float c) {
            this.vector = TestPapers.vector(a, b, c);
            return this;
        }

        public Builder keywords(String... values) {
            this.keywords = Arrays.asList(values);
            return this;
        }

        public Builder firstSeen(Instant value) {
            this.firstSeen = value;
            return this;
        }

        public Builder updated(Instant value) {
            this.updated = value;
            return this;
        }

        public Builder presenter(String value) {
            this.presenter = value;
            return this;
        }

        public Builder tags(String... values) {
            this.tags = Arrays.asList(values);
            return this;
        }

        public Builder references(Reference... values) {
            this.references = Arrays.asList(values);
            return this;
        }

        public String id() {
            return PaperIdentity.paperId(key);
        }

        public PaperEvent build() {
            String body = text == null ? title + " について。" : text;
            PaperSummary summary = new PaperSummary(id() + "#0", "d".repeat(64), "notes.txt", "structured-summary",
                    presenter, LocalDate.of(2026, 1, 13), body, List.of(), body);
            return new PaperEvent(PaperEvent.SCHEMA_VERSION, id(), key, title, titleJa, arxivId, List.of(),
                    List.of("A. Author"), kind, List.of(summary),
                    keywords.stream().map(k -> new Keyword(k, 1.0)).toList(),
                    new PaperEmbedding(MODEL, MODEL_VERSION, vector), firstSeen,
                    updated == null ? firstSeen : updated, tags, references, venue, year);
        }
    }
}
