package dev.ronbun.recommend.security;

import dev.ronbun.contracts.ContentHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets that stand for a reader without a login (a feed reader's URL, a digest's unsubscribe link): 256 random
 * bits, URL-safe. Only a secret's SHA-256 is stored, so a database dump cannot be used to act as anyone.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** A new secret, to hand to the reader once. */
    public static String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a secret, and what a presented secret is looked up by. */
    public static String hash(String token) {
        return ContentHash.of(token.getBytes(StandardCharsets.UTF_8));
    }
}
