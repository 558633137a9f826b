package dev.ronbun.infra.testing;

import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens for services' tests, signed with a key pair generated once per test JVM in a temporary folder: no key is
 * committed, not even a test one. {@link RonbunTestInfrastructure} points the service under test at its public key.
 * <pre>{@code given().auth().oauth2(TestTokens.reader("alice")).get("/api/readers/alice/history")}</pre>
 */
public final class TestTokens {

    /**
     * Quarkus may load this class once per class loader, so the folder is kept in a system property (one per JVM);
     * every loader then reads the same key pair.
     */
    static final String KEYS_PROPERTY = "ronbun.test-infrastructure.keys-dir";
    private static final Object LOCK = "dev.ronbun.infra.testing.TestTokens.lock".intern();

    private TestTokens() {
    }

    public static String admin() {
        return token(Roles.ADMIN, "test-admin");
    }

    public static String curator() {
        return token(Roles.CURATOR, "test-curator");
    }

    /** A reader's token: its subject is the reader id. */
    public static String reader(String readerId) {
        return token(Roles.READER, readerId);
    }

    /** A valid token for any role and subject. */
    public static String token(String role, String subject) {
        return keys().issuer().token(role, subject, Instant.now(), Duration.ofHours(1));
    }

    /** A token that expired an hour ago, otherwise valid. */
    public static String expired(String role, String subject) {
        return keys().issuer().token(role, subject, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** A well-formed token signed by a key the services do not know. */
    public static String signedByAnotherKey(String role, String subject) {
        try {
            Path folder = Files.createTempDirectory("ronbun-foreign-keys-");
            return new TokenIssuer(SigningKeys.LOCAL_ISSUER, SigningKeys.loadOrCreate(folder).privateKey())
                    .token(role, subject, Instant.now(), Duration.ofHours(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key's PEM file that the services under test verify with. */
    public static Path publicKeyFile() {
        return keys().publicKeyFile();
    }

    private static SigningKeys keys() {
        synchronized (LOCK) {
            String folder = System.getProperty(KEYS_PROPERTY);
            try {
                if (folder == null) {
                    folder = Files.createTempDirectory("ronbun-test-keys-").toString();
                    System.setProperty(KEYS_PROPERTY, folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return SigningKeys.loadOrCreate(Path.of(folder));
        }
    }
}
