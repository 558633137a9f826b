package dev.ronbun.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair that signs local tokens, as two PEM files in one folder ({@code .ronbun/keys} for the local
 * stack, a temporary folder in tests). Generated on first use, never committed: the services only ever get the
 * public key's location.
 *
 * @param folder     where the two files are
 * @param privateKey signs tokens ({@code private-key.pem}, readable by its owner only)
 * @param publicKey  verifies them ({@code public-key.pem}, what {@code mp.jwt.verify.publickey.location} names)
 */
public record SigningKeys(Path folder, PrivateKey privateKey, PublicKey publicKey) {

    /** The issuer of local tokens, which the services check ({@code mp.jwt.verify.issuer}). */
    public static final String LOCAL_ISSUER = "ronbun-local";

    static final String PRIVATE_KEY_FILE = "private-key.pem";
    static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final int KEY_BITS = 2048;

    /** The key pair in the folder, generating and writing one when the folder has none. */
    public static synchronized SigningKeys loadOrCreate(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(KEY_BITS);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(folder);
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKeys(folder,
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile)))),
                    rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the signing keys in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable signing keys in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path publicKeyFile() {
        return folder.resolve(PUBLIC_KEY_FILE);
    }

    /** Tokens signed with this pair's private key, issued by {@link #LOCAL_ISSUER}. */
    public TokenIssuer issuer() {
        return new TokenIssuer(LOCAL_ISSUER, privateKey);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Written beside the target and moved into place, so a concurrent reader never sees half a key. */
    private static void write(Path file, String content, boolean ownerOnly) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, content);
        if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
