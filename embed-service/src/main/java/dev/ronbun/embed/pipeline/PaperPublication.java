package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.embed.storage.ModelVersions;
import dev.ronbun.embed.storage.PaperStore;
import dev.ronbun.embed.storage.StoredPapers;
import dev.ronbun.embed.storage.WorkMerges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes a paper's latest stored state with the vector of the <em>serving</em> model version, which is the
 * loaded model's except while a re-embed to it is building (see {@code dev.ronbun.embed.reembedding.ReembedJob}).
 * While one builds, a paper that already has a vector of the serving version is published with it (its new summary
 * text and keywords at once, its vector without the new summary, which only the new model has embedded); a paper
 * that is new since the build began has no such vector and waits for the switch, whose bulk publication carries it.
 *
 * <p>The paper's row stays locked from reading its state until the broker has acknowledged it, so when the consumer
 * and a re-embed's bulk publication (possibly on another replica) publish the same paper, the one published last
 * carries the state stored last.
 *
 * <p>Records merged into the paper as the same work ({@link WorkMerges}) are tombstoned after the paper is
 * published, never before, so a reader of the topic always finds the work under one id or the other.
 */
@ApplicationScoped
public class PaperPublication {

    private final PaperStore store;
    private final StoredPapers stored;
    private final ModelVersions versions;
    private final PaperPublisher publisher;
    private final WorkMerges works;
    private final String loadedVersion;

    public PaperPublication(PaperStore store, StoredPapers stored, ModelVersions versions, PaperPublisher publisher,
                            WorkMerges works, TextEmbedder embedder) {
        this.store = store;
        this.stored = stored;
        this.works = works;
        this.versions = versions;
        this.publisher = publisher;
        this.loadedVersion = embedder.modelVersion();
    }

    /** @return false when the paper has no vector of the serving version yet, so nothing was published */
    @Transactional
    public boolean publishLatest(UUID paperId) {
        if (!store.lockPaper(paperId)) {
            return false;
        }
        // Before any version is recorded (a fresh database, the moment before start-up records it), the loaded one serves.
        String serving = versions.servingVersion().orElse(loadedVersion);
        Optional<PaperEvent> paper = stored.paperEvent(paperId, serving);
        paper.ifPresent(publisher::publish);
        if (paper.isPresent()) {
            List<String> former = works.awaitingTombstone(paperId);
            former.forEach(publisher::tombstone);
            works.tombstoned(former);
        }
        return paper.isPresent();
    }
}
