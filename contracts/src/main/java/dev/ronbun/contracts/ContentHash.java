package dev.ronbun.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of some bytes, in hex: a document's id in ingest's ledger, how a feed tells an edited entry from a seen
 * one, and the only form in which recommend keeps a reader's secret feed URL.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** True for what {@link #of} returns: 64 lower-case hex digits (a document id, for example). */
    public static boolean isHash(String text) {
        return text != null && text.length() == 64
                && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
