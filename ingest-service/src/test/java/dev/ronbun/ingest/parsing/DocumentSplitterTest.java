package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entry point: shape overrides and the reasons given when a document cannot be split. */
class DocumentSplitterTest {

    private final DocumentSplitter splitter = new DocumentSplitter();

    @Test
    void readsADocumentAsTheShapeTheCallerNames() throws DocumentParseException {
        ParsedDocument document = splitter.split(corpus(TestDocuments.WEEKLY_ROUNDUP),
                Optional.of(DocumentFormat.GENERIC));

        assertThat(document.format()).isEqualTo(DocumentFormat.GENERIC);
        assertThat(document.papers()).hasSize(1);
        assertThat(document.papers().getFirst().format()).isEqualTo(DocumentFormat.GENERIC);
    }

    @Test
    void refusesAnOverrideUnderWhichNoPaperIsFound() {
        assertThatExceptionOfType(DocumentParseException.class)
                .isThrownBy(() -> splitter.split(corpus(TestDocuments.WEEKLY_ROUNDUP),
                        Optional.of(DocumentFormat.STRUCTURED_SUMMARY)))
                .withMessage("no recognisable paper in the document when read as structured-summary");
    }

    @Test
    void refusesEmptyDocumentsWithAReason() {
        assertThatExceptionOfType(DocumentParseException.class).isThrownBy(() -> splitter.split(" \n\t", Optional.empty()))
                .withMessage("the document is empty");
        assertThatExceptionOfType(DocumentParseException.class).isThrownBy(() -> splitter.split(null, Optional.empty()))
                .withMessage("the document is empty");
        assertThatExceptionOfType(DocumentParseException.class)
                .isThrownBy(() -> splitter.split("\u0000\u200B\uFEFF", Optional.empty()))
                .withMessageContaining("no text");
        assertThatExceptionOfType(DocumentParseException.class)
                .isThrownBy(() -> splitter.split("<html><body><script>x()</script></body></html>", Optional.empty()))
                .withMessageContaining("no text");
    }

    @Test
    void refusesDocumentsTooLongToBeSummaries() {
        String huge = "a".repeat(DocumentSplitter.MAX_CHARACTERS + 1);

        assertThatExceptionOfType(DocumentParseException.class).isThrownBy(() -> splitter.split(huge, Optional.empty()))
                .withMessageContaining("at most " + DocumentSplitter.MAX_CHARACTERS);
    }

    @Test
    void acceptsAMissingOverrideAsNone() throws DocumentParseException {
        ParsedDocument document = splitter.split("A title\nSome text.", null);

        assertThat(document.format()).isEqualTo(DocumentFormat.GENERIC);
    }

    @Test
    void anHtmlPageWhoseTextOutgrowsTheLimitIsRefusedWhetherDeclaredOrRecognised() {
        // each <li> at the deepest of 20 nested lists becomes a line of ~20 characters: the text outgrows the markup
        StringBuilder html = new StringBuilder("<html><body><h1>Expanding Page</h1>").append("<ul>".repeat(20));
        while (html.length() < 1_500_000) {
            html.append("<li>x");
        }
        String page = html.append("</body></html>").toString();
        assertThat(page.length()).isLessThan(DocumentSplitter.MAX_CHARACTERS);

        for (boolean declared : new boolean[] {true, false}) {
            assertThatExceptionOfType(DocumentParseException.class)
                    .isThrownBy(() -> splitter.split(page, declared, Optional.empty(), "expanding.html"))
                    .withMessageContaining("characters; at most " + DocumentSplitter.MAX_CHARACTERS);
        }
    }
}
