package dev.ronbun.embed.pipeline;

import dev.ronbun.embed.config.EmbedConfig;
import dev.ronbun.embed.storage.PaperKeywords;
import dev.ronbun.embed.storage.StoredPapers;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ranks every paper's keywords again once the corpus has changed, and publishes the papers whose keywords changed.
 * A paper's keywords are first ranked when its summary arrives, against the papers stored so far; the same papers
 * arriving in another order would give other keywords. Ranking all again against the corpus as it stands makes
 * them a function of the corpus alone: once papers stop arriving, every paper has the keywords the final corpus
 * gives it. A failed round (database or broker away) is tried again at the next tick.
 * <p>
 * A round reads every paper, so while papers keep arriving it runs only when the corpus has grown by
 * {@code ronbun.embed.keywords.refresh-growth} (doubled, by default) since the last round; once the corpus has been
 * quiet for one interval, the final round makes keywords independent of arrival order. A steady stream into a large
 * corpus thus costs a round per doubling, not one a minute, and a start costs none (a restart between the last arrival and the quiet round leaves that round to the next change).
 */
@ApplicationScoped
public class KeywordRefresh {

    private static final Logger LOG = Logger.getLogger(KeywordRefresh.class);
    private static final int PAGE = 200;

    private final StoredPapers store;
    private final PaperKeywords keywords;
    private final PaperPublication publication;
    private final KeywordRanking ranking;
    private final double growthForARoundUnderLoad;

    /** The corpus by its counts: keywords depend on the papers and their summaries. */
    private record Corpus(long papers, long summaries) {
        @Override
        public String toString() {
            return papers + "/" + summaries;
        }
    }

    private volatile Corpus rankedCorpus;
    private volatile Corpus corpusAtLastTick;

    public KeywordRefresh(StoredPapers store, PaperKeywords keywords, PaperPublication publication, EmbedConfig config) {
        this.store = store;
        this.keywords = keywords;
        this.publication = publication;
        this.ranking = new KeywordRanking(config.keywords().perPaper());
        this.growthForARoundUnderLoad = Math.max(1.0, config.keywords().refreshGrowth());
    }

    @Scheduled(identity = "keyword-refresh", every = "${ronbun.embed.keywords.refresh-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "10s")
    void refreshWhenTheCorpusChanged() {
        try {
            Corpus corpus = corpus();
            if (rankedCorpus == null) {
                // Just started: the stored keywords were ranked by the run before, against this same corpus (only
                // this service's consumer changes it), so a start costs no round; the next change brings one.
                rankedCorpus = corpus;
                corpusAtLastTick = corpus;
                return;
            }
            boolean quiet = corpus.equals(corpusAtLastTick);
            corpusAtLastTick = corpus;
            if (quiet || corpus.papers() >= rankedCorpus.papers() * growthForARoundUnderLoad) {
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Ranking keywords again failed, tried again at the next tick: %s", e.toString());
        }
    }

    /**
     * Ranks every paper's keywords again unless the corpus is the one ranked last time.
     *
     * @return how many papers were published again
     */
    public int refresh() {
        Corpus corpus = corpus();
        if (corpus.equals(rankedCorpus)) {
            return 0;
        }
        int republished = 0;
        UUID after = StoredPapers.FIRST_PAPER_ID;
        List<UUID> page;
        do {
            page = store.paperIds(after, PAGE);
            for (UUID paperId : page) {
                if (keywords.rankKeywordsAgain(paperId, ranking::rank) && publication.publishLatest(paperId)) {
                    republished++;
                }
            }
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == PAGE);
        rankedCorpus = corpus;
        if (republished > 0) {
            LOG.infof("Keywords ranked again against %s papers/summaries; %d papers published again", corpus,
                    republished);
        }
        return republished;
    }

    private Corpus corpus() {
        return new Corpus(store.paperCount(), store.summaryCount());
    }
}
