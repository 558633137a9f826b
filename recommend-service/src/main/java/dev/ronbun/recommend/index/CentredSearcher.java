package dev.ronbun.recommend.index;

import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher that knows the means its documents' vectors were centred on: when a mean is taken again, the papers are
 * rewritten and the means change together, so a search still running on the older state must give vectors back
 * through the older means.
 */
final class CentredSearcher extends IndexSearcher {

    private final ModelCentres centres;

    private CentredSearcher(IndexReader reader, ModelCentres centres) {
        super(reader);
        this.centres = centres;
    }

    ModelCentres centres() {
        return centres;
    }

    /** Makes searchers that capture the means current when each is opened. */
    static SearcherFactory factory(Supplier<ModelCentres> current) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return new CentredSearcher(reader, current.get());
            }
        };
    }
}
