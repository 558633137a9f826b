package dev.ronbun.infra.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.http.Roles;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 JSON Web Tokens the way an OIDC provider would, with the JDK alone: {@code iss}, {@code sub} and
 * {@code upn} (the reader id for readers), {@code groups} (the one role), {@code iat}, {@code exp}, {@code jti}.
 *
 * @param issuer the {@code iss} claim
 * @param key    the signing key
 */
public record TokenIssuer(String issuer, PrivateKey key) {

    /** How long a local token lasts unless asked otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    /** A token for a role; readers are named by their reader id, other roles get {@code local-<role>}. */
    public String token(String role, String readerId) {
        return token(role, subjectOf(role, readerId), Instant.now(), DEFAULT_LIFETIME);
    }

    /** A token for a subject in a role, valid from {@code issuedAt} for {@code lifetime}. */
    public String token(String role, String subject, Instant issuedAt, Duration lifetime) {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + Roles.ALL);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token: " + e.getMessage(), e);
        }
    }

    /** The subject of a role's token: the reader id for readers (required), {@code local-<role>} otherwise. */
    public static String subjectOf(String role, String readerId) {
        if (Roles.READER.equals(role)) {
            if (readerId == null || readerId.isBlank()) {
                throw new IllegalArgumentException("A reader token needs a reader id (--reader ID)");
            }
            return readerId.strip();
        }
        return readerId == null || readerId.isBlank() ? "local-" + role : readerId.strip();
    }

    private static String encode(Map<String, Object> json) {
        try {
            byte[] bytes = EventJson.mapper().writeValueAsBytes(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
