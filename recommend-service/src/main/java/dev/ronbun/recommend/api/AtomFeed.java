package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.ranking.Feed;
import dev.ronbun.recommend.ranking.Recommendation;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A reader's feed as Atom (RFC 4287). Written with the JDK's XML stream writer, which escapes every text and
 * attribute; characters XML 1.0 cannot carry at all (most control characters) are dropped first.
 */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    /** The feed with its self link at the reader's authenticated feed URL. */
    static String write(String readerId, Feed feed, URI baseUri) {
        return write(readerId, feed, baseUri,
                baseUri.resolve("api/readers/" + pathSegment(readerId) + "/feed.atom").toString());
    }

    /** The feed with the given self link (a secret feed URL names itself, never the reader's API path). */
    static String write(String readerId, Feed feed, URI baseUri, String self) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:ronbun:reader:" + readerId + ":feed");
            element(xml, "title", "Ronbun: new papers for " + readerId);
            element(xml, "subtitle", "Papers first seen since " + feed.since() + ", ranked for this reader");
            element(xml, "updated", feed.until().toString());
            link(xml, "self", self);
            xml.writeStartElement("author");
            element(xml, "name", "Ronbun");
            xml.writeEndElement();
            for (Recommendation item : feed.items()) {
                entry(xml, item, baseUri);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Recommendation item, URI baseUri) throws XMLStreamException {
        PaperEvent paper = item.paper();
        Instant published = paper.firstSeenAt() == null ? Instant.EPOCH : paper.firstSeenAt();
        Instant updated = paper.updatedAt() == null ? published : paper.updatedAt();
        xml.writeStartElement("entry");
        element(xml, "id", "urn:ronbun:paper:" + paper.paperId());
        element(xml, "title", PaperDocuments.displayTitle(paper));
        element(xml, "published", published.toString());
        element(xml, "updated", updated.toString());
        // The paper's page in the UI (no token needed to open it), and arXiv's abstract and PDF when it has an id.
        link(xml, "alternate", baseUri.resolve("paper.html?id=" + pathSegment(paper.paperId())).toString());
        if (paper.arxivId() != null && !paper.arxivId().isBlank()) {
            String arxivId = pathSegment(paper.arxivId().strip()).replace("%2F", "/");
            link(xml, "related", "https://arxiv.org/abs/" + arxivId, "text/html", "arXiv");
            link(xml, "related", "https://arxiv.org/pdf/" + arxivId, "application/pdf", "PDF");
        }
        for (String author : paper.authors()) {
            xml.writeStartElement("author");
            element(xml, "name", author);
            xml.writeEndElement();
        }
        for (Keyword keyword : paper.keywords()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", clean(keyword.term()));
        }
        String summary = paper.summaries().stream().map(PaperSummary::summary).filter(Objects::nonNull)
                .findFirst().orElse("");
        element(xml, "summary", item.why() + (summary.isEmpty() ? "" : "\n\n" + summary));
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", clean(href));
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type, String title)
            throws XMLStreamException {
        link(xml, rel, href);
        xml.writeAttribute("type", type);
        xml.writeAttribute("title", title);
    }

    /** Drops the characters XML 1.0 does not allow (C0 controls other than tab, newline and return, and U+FFFE/F). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.codePoints()
                .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    static String pathSegment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
