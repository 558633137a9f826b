package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.config.EmbedConfig;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVector;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.embed.keywords.KeywordExtractor;
import dev.ronbun.embed.keywords.TermFrequencies;
import dev.ronbun.embed.storage.PaperStore;
import dev.ronbun.embed.storage.StoredVector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one summary event into a stored paper and publishes it: embed (once), extract terms, upsert everything in
 * one database transaction, then publish the paper's full state with the serving model's vector (see
 * {@link PaperPublication}: during a re-embed a new paper waits for the switch). Each step is idempotent, so
 * replaying the event after a crash at any point leaves the same result. Database and broker steps run under the
 * {@link RedeliveryPolicy}: an outage is waited out, a summary the database refuses fails at once with the reason.
 */
@ApplicationScoped
public class SummaryProcessing {

    private final PaperStore store;
    private final PaperPublication publication;
    private final TextEmbedder embedder;
    private final PaperVectorizer vectorizer;
    private final KeywordExtractor keywordExtractor = new KeywordExtractor();
    private final KeywordRanking keywordRanking;
    private final RedeliveryPolicy retries;
    private final Timer embedTimer;

    public SummaryProcessing(PaperStore store, PaperPublication publication, TextEmbedder embedder,
                             PaperVectorizer vectorizer, EmbedConfig config, MeterRegistry registry) {
        this.store = store;
        this.publication = publication;
        this.embedder = embedder;
        this.vectorizer = vectorizer;
        this.keywordRanking = new KeywordRanking(config.keywords().perPaper());
        this.retries = new RedeliveryPolicy(config.retry());
        this.embedTimer = Timer.builder("ronbun.embed.summary.embedding").description("time to embed one summary")
                .register(registry);
    }

    public void process(SummaryEvent event) {
        String modelVersion = embedder.modelVersion();
        boolean alreadyStored = retries.run("checking summary " + event.summaryId(),
                () -> store.isStored(event.summaryId(), modelVersion));
        UUID paperId;
        if (alreadyStored) {
            // Its paper may have been merged into another work's record since: the stored summary knows where it went.
            paperId = retries.run("finding the paper of summary " + event.summaryId(),
                    () -> store.paperOf(event.summaryId()))
                    .orElseGet(() -> UUID.fromString(PaperIdentity.paperId(event.paperKey())));
        } else {
            PaperVector vector = embedTimer.record(() -> vectorizer.vectorize(PaperText.of(event)));
            TermFrequencies terms = keywordExtractor.termFrequencies(keywordText(event), people(event));
            StoredVector stored = StoredVector.of(vector);
            paperId = retries.run("storing summary " + event.summaryId(),
                    () -> store.store(event, stored, terms.counts(), keywordRanking::rank));
        }
        // Only after the store has committed: a re-embed switching meanwhile then finds this summary when it republishes.
        retries.run("publishing paper " + paperId, () -> publication.publishLatest(paperId));
    }

    /**
     * Joins a paper stored before work title keys were kept to its work (see {@link PaperStore#rejoinWork}) and,
     * when records were merged, publishes the surviving paper with their tombstones.
     */
    public void rejoinWork(UUID paperId) {
        retries.run("joining paper " + paperId + " to its work",
                        () -> store.rejoinWork(paperId, keywordRanking::rank))
                .ifPresent(current -> retries.run("publishing paper " + current,
                        () -> publication.publishLatest(current)));
    }

    /** See {@link ConsumerLiveness}. */
    Duration longestAttemptInFlight() {
        return retries.longestAttemptInFlight();
    }

    /** The people a summary names, whose names are no keywords. */
    private static List<String> people(SummaryEvent event) {
        return Stream.concat(event.authors().stream(), Stream.ofNullable(event.presenter())).toList();
    }

    private static String keywordText(SummaryEvent event) {
        return Stream.concat(Stream.of(event.title(), event.titleJa(), event.summary(), event.body()),
                        event.sections().stream().map(Section::heading))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }
}
