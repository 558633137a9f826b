package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.text.JapaneseAnalyzers;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The on-disk Lucene index of all papers: HNSW vectors for similarity, Kuromoji-analysed text for BM25, and the
 * paper event stored whole. Writes are committed before the Kafka offset is, so a restart resumes where it left off.
 */
@Startup
@ApplicationScoped
public class PaperIndex {

    private static final Logger LOG = Logger.getLogger(PaperIndex.class);

    private final RecommendConfig config;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public PaperIndex(RecommendConfig config) {
        this.config = config;
    }

    @PostConstruct
    void open() {
        try {
            Files.createDirectories(config.indexDir());
            directory = FSDirectory.open(config.indexDir());
            IndexWriterConfig writerConfig = new IndexWriterConfig(JapaneseAnalyzers.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(directory, writerConfig);
            searchers = new SearcherManager(writer, null);
            LOG.infof("Paper index at %s holds %d papers", config.indexDir().toAbsolutePath(), writer.getDocStats().numDocs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the paper index at " + config.indexDir(), e);
        }
    }

    @PreDestroy
    void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the paper index failed", e);
        }
    }

    /** Adds or replaces papers by id and commits, so that they are durable before their offsets are. */
    public void upsert(List<PaperEvent> papers) {
        try {
            for (PaperEvent paper : papers) {
                writer.updateDocument(new Term(PaperDocuments.ID, paper.paperId()), PaperDocuments.toDocument(paper));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the paper index", e);
        }
    }

    public Optional<PaperEvent> get(String paperId) {
        return withSearcher(searcher -> {
            TopDocs hits = searcher.search(new TermQuery(new Term(PaperDocuments.ID, paperId)), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(PaperDocuments.fromStored(searcher.storedFields().document(hits.scoreDocs[0].doc)));
        });
    }

    /** Newest papers first. */
    public PaperPage list(PaperFilter filter, int page, int size) {
        return withSearcher(searcher -> {
            Query query = filter.toQuery();
            int wanted = Math.max(1, (page + 1) * size);
            TopDocs hits = searcher.search(query, wanted, new Sort(new SortField(PaperDocuments.FIRST_SEEN,
                    SortField.Type.LONG, true), SortField.FIELD_DOC));
            List<PaperEvent> papers = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = page * size; i < hits.scoreDocs.length; i++) {
                papers.add(PaperDocuments.fromStored(stored.document(hits.scoreDocs[i].doc)));
            }
            return new PaperPage(papers, searcher.count(query));
        });
    }

    /** The k papers whose vectors are nearest, among those the filter lets through. */
    public List<ScoredPaper> nearest(float[] vector, int k, Query filter) {
        return withSearcher(searcher -> collect(searcher,
                searcher.search(new KnnFloatVectorQuery(PaperDocuments.VECTOR, vector, k, filter), k)));
    }

    public List<ScoredPaper> search(Query query, int k) {
        return withSearcher(searcher -> collect(searcher, searcher.search(query, k)));
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    private static List<ScoredPaper> collect(IndexSearcher searcher, TopDocs hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<ScoredPaper> papers = new ArrayList<>(hits.scoreDocs.length);
        for (ScoreDoc hit : hits.scoreDocs) {
            Document document = stored.document(hit.doc);
            papers.add(new ScoredPaper(PaperDocuments.fromStored(document), hit.score));
        }
        return papers;
    }

    private <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper index", e);
        }
    }

    @FunctionalInterface
    private interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
