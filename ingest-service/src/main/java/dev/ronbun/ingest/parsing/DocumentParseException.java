package dev.ronbun.ingest.parsing;

/**
 * Why a document could not be split into papers, in words a person can act on. It is checked on purpose: it is the
 * only way {@link DocumentSplitter#split} fails, and every door a document comes through must decide what to answer.
 */
public class DocumentParseException extends Exception {

    public DocumentParseException(String reason) {
        super(reason);
    }

    public DocumentParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
