package dev.ronbun.recommend.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The index codec: Lucene's default with the vector format chosen per field. The format's name is written into each
 * segment, so an index written with either setting is read back without knowing which one was used.
 */
final class PaperCodec {

    private PaperCodec() {
    }

    static Codec of(IndexSettings settings) {
        KnnVectorsFormat vectors = settings.quantizedVectors()
                ? new Lucene99HnswScalarQuantizedVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth())
                : new Lucene99HnswVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth());
        return new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
