package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.fail;

import dev.ronbun.infra.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The documents tests read: the shared corpus of real documents beside the repository, and our own samples. */
final class TestDocuments {

    static final String STUDY_GROUP_NOTES = "study-group-notes-2025-09-30.txt";
    static final String STRUCTURED_SUMMARIES = "paper-summaries-structured.md";
    static final String DIALOGUE_ARTICLE = "blog-dialogue-kd-super-resolution.txt";
    static final String WEEKLY_ROUNDUP = "weekly-pickup-35.txt";
    static final List<String> CORPUS = List.of(STUDY_GROUP_NOTES, STRUCTURED_SUMMARIES, DIALOGUE_ARTICLE, WEEKLY_ROUNDUP);

    static final List<String> OURS = List.of("study-group-notes-2024-11-05.txt", "structured-summaries.md",
            "dialogue-article.txt", "weekly-roundup.txt", "generic-notes.md", "plain-notes.txt",
            "structured-summary.html");

    private TestDocuments() {
    }

    /** A real document from {@code ../shared/corpus}, beside the repository root. */
    static String corpus(String name) {
        return SharedCorpus.read(name);
    }

    /** One of our own documents, from {@code src/test/resources/documents}. */
    static String ours(String name) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test document /documents/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test document " + name, e);
        }
    }

    static Path corpusDirectory() {
        return SharedCorpus.directory();
    }

    static String withCrLf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static ParsedDocument split(String text) {
        try {
            return new DocumentSplitter().split(text, Optional.empty());
        } catch (DocumentParseException e) {
            return fail("expected the document to split, but: " + e.getMessage(), e);
        }
    }
}
