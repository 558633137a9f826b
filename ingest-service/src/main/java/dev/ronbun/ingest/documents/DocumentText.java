package dev.ronbun.ingest.documents;

import dev.ronbun.contracts.http.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes the bytes of a document as strict UTF-8 text, refusing binary content with a reason. */
public final class DocumentText {

    private DocumentText() {
    }

    public static String decode(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("empty-document", "The document is empty.");
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(413, "document-too-large", "Document too large",
                    "The document has " + bytes.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(415, "not-utf-8", "Unsupported encoding",
                    "The document is not valid UTF-8 text; convert it to UTF-8 and send it again.");
        }
        if (looksBinary(text)) {
            throw new ProblemException(415, "binary-document", "Unsupported content",
                    "The document looks binary (it contains NUL or many control characters); send plain text, Markdown or HTML.");
        }
        if (hasNoVisibleCharacter(text)) {
            throw ProblemException.badRequest("empty-document", "The document contains only white space.");
        }
        return text;
    }

    /**
     * Whether every character is white space of some kind: besides what {@link String#isBlank} knows, no-break and
     * other Unicode spaces (U+00A0, U+202F…), zero-width and format characters (U+200B, U+FEFF…) and controls.
     */
    static boolean hasNoVisibleCharacter(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
    }

    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > Math.max(8, text.length() / 100);
    }
}
