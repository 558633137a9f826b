package dev.ronbun.contracts.http;

import java.util.Optional;

/**
 * The characters no Ronbun text may carry — NUL (PostgreSQL refuses it) and unpaired UTF-16 surrogates (not
 * Unicode, so not encodable as UTF-8 or valid JSON) — and a way to quote untrusted text in a log line.
 */
public final class UnsafeText {

    private static final int LOG_LIMIT = 200;

    private UnsafeText() {
    }

    /** What is wrong with the text, in words ("a NUL character at 3"), or empty when it is safe. */
    public static Optional<String> flaw(CharSequence text) {
        int at = firstUnsafe(text);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(text.charAt(at) == '\u0000' ? "a NUL character (U+0000) at position " + at
                : "an unpaired surrogate at position " + at);
    }

    /** Where the first NUL or unpaired surrogate of the text is, or -1 when it has none (or is null). */
    public static int firstUnsafe(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Throws a 400 problem naming {@code where} when the text carries a NUL or an unpaired surrogate. */
    public static void require(String where, CharSequence text) {
        flaw(text).ifPresent(flaw -> {
            throw ProblemException.badRequest("invalid-text", where + " contains " + flaw
                    + "; text may not contain NUL characters or unpaired surrogates.");
        });
    }

    /**
     * The text as it may appear in a log line: control characters, surrogates and backslashes escaped as
     * {@code \\uXXXX}, cut to 200 characters, so that a hostile value can neither forge lines nor carry a NUL.
     */
    public static String forLog(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LOG_LIMIT) + 16);
        for (int i = 0; i < text.length() && i < LOG_LIMIT; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isSurrogate(c) || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > LOG_LIMIT) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
