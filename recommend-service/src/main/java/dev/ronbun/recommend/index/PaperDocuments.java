package dev.ronbun.recommend.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Section;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * How a paper becomes a Lucene document: the fields searched, filtered and sorted on, the event kept whole, and its
 * listing. The stored event leaves out the vector, which the vector field already holds; reading a paper puts it back.
 *
 * <p>The listing is the paper as a list shows it (everything but its summaries' bodies and sections) kept as
 * uncompressed binary doc values: rankings read a dozen or more papers per request, and reading the whole stored event
 * decompressed a block of stored fields for each and parsed the bodies, which was a sixth of a related-papers call.
 */
public final class PaperDocuments {

    /**
     * Bumped whenever the fields change; an index of another schema is rebuilt from the topic. 7: tags (filter and
     * keyword terms) and reference keys. 8: character n-grams of
     * titles and summaries ({@link #CHARGRAMS}).
     */
    static final String SCHEMA = "8";

    static final String ID = "id";
    /** The vector, centred when its model has a mean (see {@link VectorCentre}). */
    static final String VECTOR = "vector";
    /** How far the vector as embedded lies from its model's mean: what gives it back from the centred one. */
    static final String CENTRE_DISTANCE = "centreDistance";
    static final String MODEL = "model";
    static final String ARXIV = "arxiv";
    static final String WORK_TITLE = "workTitle";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String KEYWORDS = "keywords";
    /** Character n-grams of titles and summaries ({@link CharGramText}, {@link CharGramAnalyzer}), with term vectors. */
    static final String CHARGRAMS = "chargrams";
    static final String KIND = "kind";
    static final String FORMAT = "format";
    static final String PRESENTER = "presenter";
    static final String SOURCE_DAY = "sourceDay";
    static final String FIRST_SEEN = "firstSeen";
    static final String FIRST_SEEN_POINT = "firstSeenPoint";
    static final String UPDATED = "updated";
    /** The writer's tags, lower-cased: what {@code tag=} filters on, whatever case it is asked in. */
    static final String TAG = "tag";
    /** The keys of the papers this one names as next to read (see {@link ReferenceKeys}): finds who names a paper. */
    static final String REFERENCE_KEY = "referenceKey";
    static final String EVENT = "event";
    static final String LISTING = "listing";

    /**
     * Analysed, not stored, with term vectors (terms and counts only): more-like-this reads a paper's terms from them
     * instead of running Kuromoji over its text again at query time.
     */
    private static final FieldType TEXT_WITH_TERM_VECTORS = textWithTermVectors();

    private PaperDocuments() {
    }

    /** The document of a paper, its vector centred on its model's mean ({@code centre}, which may have none). */
    static Document toDocument(PaperEvent paper, VectorCentre centre) {
        Document doc = new Document();
        doc.add(new StringField(ID, paper.paperId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(paper.paperId())));
        float[] vector = paper.embedding().vector();
        // Unit vectors: dot product equals cosine and is the cheapest similarity for HNSW.
        VectorCentre.Stored stored = centre.stored(vector);
        doc.add(new KnnFloatVectorField(VECTOR, stored == null ? vector : stored.direction(),
                VectorSimilarityFunction.DOT_PRODUCT));
        if (stored != null) {
            doc.add(new FloatDocValuesField(CENTRE_DISTANCE, stored.distance()));
        }
        doc.add(new StringField(MODEL, modelOf(paper), Field.Store.NO));
        if (paper.arxivId() != null && !paper.arxivId().isBlank()) {
            doc.add(new StringField(ARXIV, paper.arxivId().strip(), Field.Store.NO));
        }
        for (String title : workTitles(paper)) {
            doc.add(new StringField(WORK_TITLE, title, Field.Store.NO));
        }
        doc.add(new TextField(TITLE, join(paper.title(), paper.titleJa()), Field.Store.NO));
        doc.add(new Field(TEXT, searchableText(paper), TEXT_WITH_TERM_VECTORS));
        doc.add(new Field(CHARGRAMS, CharGramText.of(paper), TEXT_WITH_TERM_VECTORS));
        // The writer's tags are keywords too: BM25 and more-like-this read them with the extracted ones.
        doc.add(new Field(KEYWORDS, Stream.concat(paper.keywords().stream().map(Keyword::term), paper.tags().stream())
                .collect(Collectors.joining(" ")), TEXT_WITH_TERM_VECTORS));
        for (String tag : paper.tags()) {
            doc.add(new StringField(TAG, ReferenceKeys.tag(tag), Field.Store.NO));
        }
        for (String key : ReferenceKeys.ofReferences(paper.references())) {
            doc.add(new StringField(REFERENCE_KEY, key, Field.Store.NO));
        }
        doc.add(new StringField(KIND, paper.kind() == null ? "paper" : paper.kind(), Field.Store.NO));
        for (PaperSummary summary : paper.summaries()) {
            if (summary.format() != null) {
                doc.add(new StringField(FORMAT, summary.format(), Field.Store.NO));
            }
            if (summary.presenter() != null && !summary.presenter().isBlank()) {
                doc.add(new StringField(PRESENTER, summary.presenter(), Field.Store.NO));
            }
            if (summary.sourceDate() != null) {
                doc.add(new LongPoint(SOURCE_DAY, summary.sourceDate().toEpochDay()));
            }
        }
        long firstSeen = millis(paper.firstSeenAt());
        doc.add(new NumericDocValuesField(FIRST_SEEN, firstSeen));
        doc.add(new LongPoint(FIRST_SEEN_POINT, firstSeen));
        doc.add(new NumericDocValuesField(UPDATED, millis(paper.updatedAt())));
        PaperEvent withoutVector = withVector(paper, new float[0]);
        doc.add(new StoredField(EVENT, new BytesRef(EventJson.write(withoutVector).getBytes(StandardCharsets.UTF_8))));
        doc.add(new BinaryDocValuesField(LISTING,
                new BytesRef(EventJson.write(listing(withoutVector)).getBytes(StandardCharsets.UTF_8))));
        return doc;
    }

    /** The stored event with its vector put back. */
    static PaperEvent fromStored(Document stored, float[] vector) {
        return fromJson(stored.getBinaryValue(EVENT), vector);
    }

    /**
     * The paper as a list shows it: every field of the event but its summaries' bodies and sections, which only the
     * paper's own page and the text analysis read.
     */
    static PaperEvent listing(PaperEvent paper) {
        List<PaperSummary> summaries = paper.summaries().stream()
                .map(s -> new PaperSummary(s.summaryId(), s.documentId(), s.documentName(), s.format(),
                        s.presenter(), s.sourceDate(), s.summary(), List.of(), null))
                .toList();
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), summaries,
                paper.keywords(), paper.embedding(), paper.firstSeenAt(), paper.updatedAt(), paper.tags(),
                paper.references(), paper.venue(), paper.year());
    }

    /** A paper event (whole, or a {@link #listing}) from its JSON bytes, with its vector put back. */
    static PaperEvent fromJson(BytesRef bytes, float[] vector) {
        String json = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
        try {
            return withVector(EventJson.mapper().readValue(json, PaperEvent.class), vector);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the index holds an unreadable paper event", e);
        }
    }

    /** The embedding model version a paper's vector was made with; vectors of different models are never compared. */
    public static String modelOf(PaperEvent paper) {
        PaperEmbedding embedding = paper.embedding();
        return embedding.modelVersion() == null ? String.valueOf(embedding.modelId()) : embedding.modelVersion();
    }

    /** Every normalised title a paper is known by; two records sharing one are the same work. */
    public static Set<String> workTitles(PaperEvent paper) {
        Set<String> titles = new LinkedHashSet<>();
        for (String title : new String[] {paper.title(), paper.titleJa()}) {
            String normalised = PaperIdentity.normaliseTitle(title);
            if (!normalised.isEmpty()) {
                titles.add(normalised);
            }
        }
        return titles;
    }

    /** Title, authors, summaries, bodies and section headings: what BM25 and more-like-this read. */
    public static String searchableText(PaperEvent paper) {
        return Stream.concat(Stream.of(paper.title(), paper.titleJa(), String.join(" ", paper.authors())),
                        paper.summaries().stream().flatMap(s -> Stream.concat(
                                Stream.of(s.summary(), s.body()),
                                s.sections().stream().map(Section::heading))))
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /** The title a person would recognise: the English one when there is one. */
    public static String displayTitle(PaperEvent paper) {
        if (paper.title() != null && !paper.title().isBlank()) {
            return paper.title();
        }
        return paper.titleJa() == null ? paper.paperId() : paper.titleJa();
    }

    static PaperEvent withVector(PaperEvent paper, float[] vector) {
        PaperEmbedding embedding = paper.embedding();
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(), paper.titleJa(),
                paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), paper.summaries(), paper.keywords(),
                new PaperEmbedding(embedding.modelId(), embedding.modelVersion(), vector),
                paper.firstSeenAt(), paper.updatedAt(), paper.tags(), paper.references(), paper.venue(), paper.year());
    }

    private static FieldType textWithTermVectors() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    private static String join(String a, String b) {
        return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
    }
}
