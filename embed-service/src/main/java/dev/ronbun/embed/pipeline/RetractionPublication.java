package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.embed.storage.DocumentFrequencyView;
import dev.ronbun.embed.storage.DocumentRetractions;
import dev.ronbun.embed.storage.PassageVectorStore;
import dev.ronbun.embed.storage.StoredSummary;
import dev.ronbun.embed.storage.WorkMerges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies a document's retraction and publishes what it changed, all inside one database transaction: a paper that
 * keeps other summaries is published again without the retracted ones; a paper left without summaries is tombstoned
 * on {@code ronbun.papers.v1} (with any former record of its work still awaiting its tombstone) and then deleted.
 * The broker acknowledges every record before the transaction commits, so a crash in between replays the retraction,
 * which finds the summaries still stored and publishes again; once committed, a redelivered retraction finds nothing
 * left to retract.
 */
@ApplicationScoped
public class RetractionPublication {

    private static final Logger LOG = Logger.getLogger(RetractionPublication.class);

    private final DocumentRetractions store;
    private final PaperPublication publication;
    private final PaperPublisher publisher;
    private final WorkMerges works;
    private final PassageVectorStore passages;

    public RetractionPublication(DocumentRetractions store, PaperPublication publication, PaperPublisher publisher,
                                 WorkMerges works, PassageVectorStore passages) {
        this.store = store;
        this.publication = publication;
        this.publisher = publisher;
        this.works = works;
        this.passages = passages;
    }

    @Transactional
    public DocumentRetractions.Retraction retract(DocumentRetraction retraction,
                                         BiFunction<StoredSummary, List<String>, Map<String, Integer>> summaryTerms,
                                         Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        DocumentRetractions.Retraction outcome = store.retractDocument(retraction.documentId(), retraction.retractedAt(),
                summaryTerms, keywordRanking);
        for (UUID paperId : outcome.changed()) {
            publication.publishLatest(paperId);
        }
        for (UUID paperId : outcome.emptied()) {
            List<String> former = works.awaitingTombstone(paperId);
            former.forEach(publisher::tombstone);
            publisher.tombstone(paperId.toString());
            store.deletePaper(paperId);
        }
        // the retracted text's passage vectors go too: the cache obeys deletion
        int dropped = passages.dropUnreferenced(outcome.passages());
        LOG.infof("retracted document %s: %d paper(s) published without it, %d deleted, %d cached passage(s) dropped",
                retraction.documentId(), outcome.changed().size(), outcome.emptied().size(), dropped);
        return outcome;
    }
}
