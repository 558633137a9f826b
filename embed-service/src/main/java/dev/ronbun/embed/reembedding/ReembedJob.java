package dev.ronbun.embed.reembedding;

import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.embed.config.EmbedConfig;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVector;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.embed.pipeline.PaperPublication;
import dev.ronbun.embed.storage.ModelVersion;
import dev.ronbun.embed.storage.ModelVersions;
import dev.ronbun.embed.storage.PaperVectors;
import dev.ronbun.embed.storage.StoredPapers;
import dev.ronbun.embed.storage.StoredSummary;
import dev.ronbun.embed.storage.StoredVector;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Re-embeds the corpus when the configured model changes. It gives every stored summary that lacks one a vector of
 * the loaded model's version, in batches, while the previous version keeps serving; once every summary and paper has
 * one, it switches serving to the new version and republishes every paper with its new vector, so recommend-service
 * changes model in one pass over the papers topic. A version goes building → serving → retired in
 * {@code model_versions}; retired vectors are kept, so switching back to an earlier model embeds only what is new.
 *
 * <p>Summaries that arrive during a build are embedded by the consumer with the loaded model, the new one: the old
 * model is not loaded, so they get no vector of the serving version. A new paper is therefore published only by the
 * switch's bulk publication; a known paper is republished at once with its old vector (see {@link PaperPublication}).
 *
 * <p>It starts with the service and on {@code POST /api/admin/reembed}; with nothing to do it finishes at once. It
 * runs one at a time: in this process on one virtual thread, across replicas under {@link ReembedLock}. It is
 * restart-safe: each batch commits its vectors, a restart embeds only the summaries still without one, and a switch
 * whose republication was cut short (serving, not completed) is republished again.
 */
@ApplicationScoped
public class ReembedJob {

    private static final Logger LOG = Logger.getLogger(ReembedJob.class);

    /** Passes over the summaries before giving up on ones that keep arriving without a vector (an older replica). */
    private static final int MAX_PASSES = 3;

    private final StoredPapers store;
    private final PaperVectors paperVectors;
    private final ModelVersions versions;
    private final PaperPublication publication;
    private final PaperVectorizer vectorizer;
    private final AgroalDataSource dataSource;
    private final RedeliveryPolicy retries;
    private final String modelId;
    private final String version;
    private final int batchSize;
    private final int parallelPasses;
    private final int publishPageSize;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong papersPublished = new AtomicLong();
    private final AtomicLong papersToPublish = new AtomicLong();
    private final Counter embedded;
    private volatile boolean stopping;
    private volatile Thread worker;
    private volatile String error;

    public ReembedJob(StoredPapers store, PaperVectors vectors, ModelVersions versions, PaperPublication publication, TextEmbedder embedder,
                      PaperVectorizer vectorizer, AgroalDataSource dataSource, EmbedConfig config, MeterRegistry registry) {
        this.store = store;
        this.paperVectors = vectors;
        this.versions = versions;
        this.publication = publication;
        this.vectorizer = vectorizer;
        this.dataSource = dataSource;
        this.retries = new RedeliveryPolicy(config.retry());
        this.modelId = embedder.descriptor().id();
        this.version = embedder.modelVersion();
        this.batchSize = config.reembed().batchSize();
        this.parallelPasses = Math.max(1, config.model().parallelPasses());
        this.publishPageSize = config.reembed().publishPageSize();
        Gauge.builder("ronbun.embed.reembed.summaries.done", done, AtomicLong::get)
                .description("summaries with a vector of the configured model version").register(registry);
        Gauge.builder("ronbun.embed.reembed.summaries.total", total, AtomicLong::get)
                .description("summaries stored").register(registry);
        Gauge.builder("ronbun.embed.reembed.papers.published", papersPublished, AtomicLong::get)
                .description("papers republished after the switch to the configured model version").register(registry);
        Gauge.builder("ronbun.embed.reembed.running", running, r -> r.get() ? 1 : 0)
                .description("1 while a re-embed runs in this process").register(registry);
        this.embedded = Counter.builder("ronbun.embed.reembed.summaries.embedded")
                .description("summaries embedded by re-embeds").register(registry);
    }

    void startWithTheService(@Observes StartupEvent event) {
        start();
    }

    void stopWithTheService(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        Thread current = worker;
        if (current != null) {
            // Between two batches the job notices and stops; what it committed stays, and the next start resumes.
            current.join(Duration.ofSeconds(30));
        }
    }

    /**
     * Starts the job in the background unless it already runs in this process.
     *
     * @return true when this call started it
     */
    public boolean start() {
        if (stopping || !running.compareAndSet(false, true)) {
            return false;
        }
        error = null;
        papersPublished.set(0);
        papersToPublish.set(0);
        worker = Thread.ofVirtual().name("ronbun-reembed").start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                error = e.getMessage();
                LOG.errorf(e, "re-embedding with %s (version %s) stopped; it resumes on the next start", modelId, version);
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The configured version's record with live counts, and what the job in this process is doing. */
    public ReembedProgress progress() {
        long summaries = store.summaryCount();
        long withVector = store.summaryVectorCount(version);
        total.set(summaries);
        done.set(withVector);
        Optional<ModelVersion> row = versions.find(version);
        return new ReembedProgress(row.map(r -> r.state().label()).orElse("pending"), modelId,
                row.map(ModelVersion::fromVersion).orElse(null), version, withVector, summaries,
                row.map(ModelVersion::startedAt).orElse(null), row.map(ModelVersion::completedAt).orElse(null),
                running.get(), papersPublished.get(), papersToPublish.get(), error);
    }

    private void run() {
        Optional<ReembedLock> lock = retries.run("taking the re-embed lock", () -> {
            try {
                return ReembedLock.tryAcquire(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        if (lock.isEmpty()) {
            LOG.info("another replica is re-embedding; this one leaves it to that one");
            return;
        }
        try (ReembedLock held = lock.get()) {
            Optional<ModelVersion> serving = retries.run("reading the serving model version", versions::serving);
            if (serving.isEmpty()) {
                versions.startServing(version, modelId, store.summaryVectorCount(version), store.summaryCount());
                repair();
            } else if (serving.get().version().equals(version)) {
                versions.retireBuildsOtherThan(version);
                repair();
                if (!serving.get().isComplete() && !stopping) {
                    republishAll();
                }
            } else {
                build(serving.get());
            }
        }
    }

    /**
     * The loaded version already serves: summaries without its vector (none, normally) are embedded and their papers
     * published at once.
     */
    private void repair() {
        int failed = embedMissing(true);
        if (failed > 0) {
            throw new IllegalStateException(failed + " summaries could not be embedded with " + modelId);
        }
    }

    private void build(ModelVersion from) {
        LOG.infof("re-embedding every summary with %s (version %s); version %s serves until it is done", modelId,
                version, from.version());
        retries.run("recording the build", () -> versions.startBuilding(version, modelId, from.version()));
        for (int pass = 1; ; pass++) {
            int failed = embedMissing(false);
            if (stopping) {
                return;
            }
            if (failed > 0) {
                throw new IllegalStateException(failed + " summaries could not be embedded with " + modelId
                        + "; version " + from.version() + " keeps serving");
            }
            if (isComplete()) {
                break;
            }
            if (pass == MAX_PASSES) {
                throw new IllegalStateException("summaries keep arriving without a vector of " + version
                        + " (is a replica with the old model still running?); version " + from.version()
                        + " keeps serving");
            }
        }
        retries.run("switching the serving version", () -> {
            versions.switchServingTo(version);
            return null;
        });
        LOG.infof("version %s of %s serves now; republishing every paper", version, modelId);
        republishAll();
    }

    private boolean isComplete() {
        return retries.run("checking the build", () ->
                store.summariesWithoutVector(version, "", 1).isEmpty() && store.papersWithoutVector(version) == 0);
    }

    /**
     * One pass, in summary id order, over the summaries without a vector of the loaded version.
     *
     * @param publish publish each changed paper at once (its version serves)
     * @return summaries that could not be embedded
     */
    private int embedMissing(boolean publish) {
        int failed = 0;
        String after = "";
        while (!stopping) {
            String from = after;
            List<StoredSummary> batch = retries.run("reading summaries to re-embed",
                    () -> store.summariesWithoutVector(version, from, batchSize));
            if (batch.isEmpty()) {
                break;
            }
            after = batch.getLast().summaryId();
            Map<String, StoredVector> vectors = embed(batch);
            failed += batch.size() - vectors.size();
            if (!vectors.isEmpty()) {
                Set<UUID> papers = retries.run("storing re-embedded vectors", () -> paperVectors.addVectors(vectors));
                embedded.increment(vectors.size());
                if (publish) {
                    papers.forEach(paperId ->
                            retries.run("publishing paper " + paperId, () -> publication.publishLatest(paperId)));
                }
            }
            recordProgress();
        }
        return failed;
    }

    /**
     * The batch's vectors by summary id, its slices embedded at once (one forward pass each, so every core works);
     * a summary the model cannot embed is logged and left out.
     */
    private Map<String, StoredVector> embed(List<StoredSummary> batch) {
        int sliceSize = (batch.size() + parallelPasses - 1) / parallelPasses;
        List<Future<Map<String, StoredVector>>> slices = new ArrayList<>();
        try (ExecutorService passes = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < batch.size(); from += sliceSize) {
                List<StoredSummary> slice = batch.subList(from, Math.min(batch.size(), from + sliceSize));
                slices.add(passes.submit(() -> embedSlice(slice)));
            }
            Map<String, StoredVector> vectors = new LinkedHashMap<>();
            for (Future<Map<String, StoredVector>> slice : slices) {
                vectors.putAll(slice.get());
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding a slice failed: " + e.getCause(), e.getCause());
        }
    }

    private Map<String, StoredVector> embedSlice(List<StoredSummary> batch) {
        Map<String, StoredVector> vectors = new LinkedHashMap<>();
        try {
            List<PaperVector> computed = vectorizer.vectorizeAll(batch.stream().map(ReembedJob::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i).summaryId(), StoredVector.of(computed.get(i)));
            }
        } catch (RuntimeException batchFailure) {
            for (StoredSummary summary : batch) {
                try {
                    vectors.put(summary.summaryId(), StoredVector.of(vectorizer.vectorize(text(summary))));
                } catch (RuntimeException e) {
                    LOG.warnf("summary %s cannot be embedded with %s: %s", summary.summaryId(), modelId, e.toString());
                }
            }
        }
        return vectors;
    }

    private static PaperText text(StoredSummary summary) {
        return new PaperText(summary.title(), summary.titleJa(), summary.summary(), summary.sections(), summary.body());
    }

    private void recordProgress() {
        long withVector = store.summaryVectorCount(version);
        long summaries = store.summaryCount();
        done.set(withVector);
        total.set(summaries);
        retries.run("recording progress", () -> {
            versions.recordProgress(version, withVector, summaries);
            return null;
        });
    }

    /** Every paper, in id order, with the serving version's vector; then the version is complete. */
    private void republishAll() {
        papersToPublish.set(store.paperCount());
        papersPublished.set(0);
        UUID after = StoredPapers.FIRST_PAPER_ID;
        while (!stopping) {
            UUID from = after;
            List<UUID> page = retries.run("listing papers to republish", () -> store.paperIds(from, publishPageSize));
            if (page.isEmpty()) {
                recordProgress();
                versions.complete(version);
                LOG.infof("every paper is published with version %s of %s", version, modelId);
                return;
            }
            for (UUID paperId : page) {
                retries.run("publishing paper " + paperId, () -> publication.publishLatest(paperId));
                papersPublished.incrementAndGet();
            }
            after = page.getLast();
        }
    }
}
