package dev.ronbun.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.infra.stack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path state;

    @Test
    void generatesAnOwnerOnlyKeyPairOnFirstUseAndReusesItAfterwards() throws Exception {
        Path folder = state.resolve("keys");

        SigningKeys first = SigningKeys.loadOrCreate(folder);
        SigningKeys second = SigningKeys.loadOrCreate(folder);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(Files.readString(first.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("private-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void signsRs256TokensWithTheRoleAsGroupAndTheReaderAsSubject() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(state);

        String token = keys.issuer().token("reader", "alice");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(json(parts[0]).path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = json(parts[1]);
        assertThat(claims.path("iss").asText()).isEqualTo(SigningKeys.LOCAL_ISSUER);
        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("upn").asText()).isEqualTo("alice");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"reader\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(12 * 3600);
    }

    @Test
    void readerTokensNeedAReaderIdAndRolesMustBeKnown() {
        TokenIssuer issuer = SigningKeys.loadOrCreate(state).issuer();

        assertThatThrownBy(() -> issuer.token("reader", null)).hasMessageContaining("--reader");
        assertThatThrownBy(() -> issuer.token("root", null)).hasMessageContaining("Unknown role");
        assertThat(TokenIssuer.subjectOf("admin", null)).isEqualTo("local-admin");
    }

    @Test
    void tokenCommandPrintsOnlyTheTokenSignedWithTheStacksKeys() {
        StackConfig config = StackConfig.from(Map.of("RONBUN_STATE_DIR", state.toString())::get);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TokenCommand.run(new String[] {"--role", "curator"}, config, new PrintStream(out), new PrintStream(err));

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(state.resolve("keys/public-key.pem")).exists();
        assertThat(TokenCommand.run(new String[] {"--role", "reader"}, config, new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("A reader token needs a reader id").contains("Usage: ronbun token");
    }

    private static JsonNode json(String part) throws Exception {
        return EventJson.mapper().readTree(Base64.getUrlDecoder().decode(part));
    }
}
