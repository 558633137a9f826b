package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.contracts.RetryingConsumer;
import dev.ronbun.contracts.events.DocumentRetraction;
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
import dev.ronbun.embed.storage.StoredPapers;
import dev.ronbun.embed.storage.StoredSummary;
import dev.ronbun.embed.storage.StoredVector;
import dev.ronbun.embed.storage.SummaryArrival;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Turns one summary event into a stored paper and publishes it: embed (once), extract terms, upsert everything in
 * one database transaction, then publish the paper's full state with the serving model's vector (see
 * {@link PaperPublication}: during a re-embed a new paper waits for the switch). Each step is idempotent, so
 * replaying the event after a crash at any point leaves the same result. Database and broker steps run under the
 * {@link RedeliveryPolicy}: an outage is waited out, a summary the database refuses fails at once with the reason.
 */
@ApplicationScoped
public class SummaryProcessing implements RetryingConsumer {

    private final PaperStore store;
    private final StoredPapers stored;
    private static final Logger LOG = Logger.getLogger(SummaryProcessing.class);

    private final PaperPublication publication;
    private final RetractionPublication retractions;
    private final TextEmbedder embedder;
    private final PaperVectorizer vectorizer;
    private final KeywordExtractor keywordExtractor = new KeywordExtractor();
    private final KeywordRanking keywordRanking;
    private final RedeliveryPolicy retries;
    private final Timer embedTimer;
    private final StepTime checkTime;
    private final StepTime embedTime;
    private final StepTime keywordsTime;
    private final StepTime storeTime;
    private final StepTime publishTime;

    public SummaryProcessing(PaperStore store, StoredPapers stored,
                             PaperPublication publication, RetractionPublication retractions,
                             TextEmbedder embedder, PaperVectorizer vectorizer, EmbedConfig config,
                             MeterRegistry registry) {
        this.store = store;
        this.stored = stored;
        this.retractions = retractions;
        this.publication = publication;
        this.embedder = embedder;
        this.vectorizer = vectorizer;
        this.keywordRanking = new KeywordRanking(config.keywords().perPaper());
        this.retries = new RedeliveryPolicy(config.retry());
        this.embedTimer = Timer.builder("ronbun.embed.summary.embedding").description("time to embed one summary")
                .register(registry);
        this.checkTime = new StepTime(registry, "check");
        this.embedTime = new StepTime(registry, "embed");
        this.keywordsTime = new StepTime(registry, "keywords");
        this.storeTime = new StepTime(registry, "store");
        this.publishTime = new StepTime(registry, "publish");
    }

    public void process(SummaryEvent event) {
        String modelVersion = embedder.modelVersion();
        SummaryArrival arrival = checkTime.measure(() -> retries.run("checking summary " + event.summaryId(),
                () -> stored.arrival(event, modelVersion)));
        if (arrival.retracted()) {
            LOG.infof("summary %s belongs to a retracted document; not stored", event.summaryId());
            return;
        }
        UUID paperId;
        if (!arrival.isNew()) {
            paperId = arrival.storedIn();
        } else {
            // The passages embedded now are cached by the store's transaction, with the links that keep them.
            PaperVector vector = embedTime.measure(
                    () -> embedTimer.record(() -> vectorizer.vectorizeForStore(PaperText.of(event))));
            TermFrequencies terms = keywordsTime.measure(
                    () -> keywordExtractor.termFrequencies(keywordText(event), people(event)));
            StoredVector storedVector = StoredVector.of(vector);
            Optional<UUID> storedIn = storeTime.measure(() -> retries.run("storing summary " + event.summaryId(),
                    () -> store.storeUnlessRetracted(event, storedVector, terms.counts(), keywordRanking::rank)));
            if (storedIn.isEmpty()) {
                LOG.infof("summary %s: its document was retracted meanwhile; not stored", event.summaryId());
                return;
            }
            paperId = storedIn.get();
        }
        // Only after the store has committed: a re-embed switching meanwhile then finds this summary when it republishes.
        UUID published = paperId;
        publishTime.measure(
                () -> retries.run("publishing paper " + published, () -> publication.publishLatest(published)));
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

    @Override
    public String consumerName() {
        return "summaries";
    }

    /** Watched by {@link dev.ronbun.contracts.ConsumerLiveness}. */
    @Override
    public RedeliveryPolicy redelivery() {
        return retries;
    }

    /**
     * Retracts a document (see {@link RetractionPublication}): its summaries go, its papers are published again
     * without them or tombstoned. Idempotent, so a redelivered retraction is harmless.
     */
    public void retract(DocumentRetraction retraction) {
        retries.run("retracting document " + retraction.documentId(), () -> retractions.retract(retraction,
                (summary, people) -> keywordExtractor.termFrequencies(keywordText(summary), people).counts(),
                keywordRanking::rank));
    }

    /** The people a summary names, whose names are no keywords. */
    private static List<String> people(SummaryEvent event) {
        return Stream.concat(event.authors().stream(), Stream.ofNullable(event.presenter())).toList();
    }

    private static String keywordText(SummaryEvent event) {
        return keywordText(event.title(), event.titleJa(), event.summary(), event.body(), event.sections());
    }

    private static String keywordText(StoredSummary summary) {
        return keywordText(summary.title(), summary.titleJa(), summary.summary(), summary.body(), summary.sections());
    }

    /** The one choice of a summary's text that its terms are counted from, when it arrives or when another goes. */
    private static String keywordText(String title, String titleJa, String summary, String body,
                                      List<Section> sections) {
        return Stream.concat(Stream.of(title, titleJa, summary, body), sections.stream().map(Section::heading))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }
}
