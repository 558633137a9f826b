package dev.ronbun.recommend.digests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox of a stack without SMTP: one RFC 822 file per digest, which a mail library reads back whole. */
class OutboxDigestTransportTest {

    @TempDir
    Path folder;

    @Test
    void writesEachDigestAsAnEmlFileAMailLibraryParses() throws Exception {
        Path outbox = folder.resolve("outbox");
        var transport = new OutboxDigestTransport(outbox, "Ronbun <ronbun@localhost>",
                Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC));
        DigestMessage message = new DigestMessage("aoi@example.com", "Ronbun: 今日の新着論文 2 件",
                "1. Attention <script>alert(1)</script>\n", "<p>Attention &lt;script&gt;</p>",
                "http://127.0.0.1:8080/digests/unsubscribe/" + "a".repeat(43));

        transport.send(message);
        transport.send(message);

        List<Path> files;
        try (var listing = Files.list(outbox)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString())
                .startsWith("20261205T010000Z-").endsWith(".eml"));
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(files.getFirst())) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getSubject()).isEqualTo("Ronbun: 今日の新着論文 2 件");
        assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("aoi@example.com");
        assertThat(parsed.getFrom()[0].toString()).contains("ronbun@localhost");
        assertThat(parsed.getHeader("List-Unsubscribe")).containsExactly("<" + message.unsubscribeUrl() + ">");
        assertThat(parsed.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(parsed.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Attention <script>alert(1)</script>");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("Attention &lt;script&gt;");
    }
}
