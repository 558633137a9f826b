package dev.ronbun.recommend.index;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Section;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** How a paper becomes a Lucene document: the fields searched, filtered and sorted on, and the event kept whole. */
public final class PaperDocuments {

    public static final String ID = "id";
    public static final String VECTOR = "vector";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String KEYWORDS = "keywords";
    public static final String KIND = "kind";
    public static final String FORMAT = "format";
    public static final String PRESENTER = "presenter";
    public static final String SOURCE_DAY = "sourceDay";
    public static final String FIRST_SEEN = "firstSeen";
    public static final String EVENT = "event";

    private PaperDocuments() {
    }

    public static Document toDocument(PaperEvent paper) {
        Document doc = new Document();
        doc.add(new StringField(ID, paper.paperId(), Field.Store.YES));
        // Unit vectors: dot product equals cosine and is the cheapest similarity for HNSW.
        doc.add(new KnnFloatVectorField(VECTOR, paper.embedding().vector(), VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new TextField(TITLE, join(paper.title(), paper.titleJa()), Field.Store.NO));
        doc.add(new TextField(TEXT, searchableText(paper), Field.Store.NO));
        doc.add(new TextField(KEYWORDS, paper.keywords().stream().map(k -> k.term())
                .collect(Collectors.joining(" ")), Field.Store.NO));
        doc.add(new StringField(KIND, paper.kind(), Field.Store.NO));
        for (PaperSummary summary : paper.summaries()) {
            doc.add(new StringField(FORMAT, summary.format(), Field.Store.NO));
            if (summary.presenter() != null && !summary.presenter().isBlank()) {
                doc.add(new StringField(PRESENTER, summary.presenter(), Field.Store.NO));
            }
            if (summary.sourceDate() != null) {
                doc.add(new LongPoint(SOURCE_DAY, summary.sourceDate().toEpochDay()));
            }
        }
        long firstSeen = paper.firstSeenAt() == null ? 0 : paper.firstSeenAt().toEpochMilli();
        doc.add(new NumericDocValuesField(FIRST_SEEN, firstSeen));
        doc.add(new StoredField(EVENT, new BytesRef(EventJson.write(paper).getBytes(StandardCharsets.UTF_8))));
        return doc;
    }

    public static PaperEvent fromStored(Document stored) {
        BytesRef bytes = stored.getBinaryValue(EVENT);
        return EventJson.readPaper(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
    }

    public static long epochDay(LocalDate date) {
        return date.toEpochDay();
    }

    private static String searchableText(PaperEvent paper) {
        return Stream.concat(Stream.of(paper.title(), paper.titleJa(), String.join(" ", paper.authors())),
                        paper.summaries().stream().flatMap(s -> Stream.concat(
                                Stream.of(s.summary(), s.body()),
                                s.sections().stream().map(Section::heading))))
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
    }

    private static String join(String a, String b) {
        return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
    }
}
