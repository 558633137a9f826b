package dev.ronbun.recommend.digests;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Writes each digest as one RFC 822 message ({@code .eml}, readable by any mail client) into a folder, for a local
 * stack without an SMTP server. The message is encoded by Vert.x's mail encoder, the one Quarkus Mailer's SMTP
 * client sends with, so the file holds what would have gone over the wire (multipart/alternative, quoted-printable,
 * encoded subject, the List-Unsubscribe headers).
 */
final class OutboxDigestTransport implements DigestTransport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    private final Clock clock;

    OutboxDigestTransport(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(DigestMessage message) {
        MailMessage mail = new MailMessage().setFrom(from).setTo(message.to()).setSubject(message.subject())
                .setText(message.text()).setHtml(message.html());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        message.listUnsubscribeHeaders().forEach(headers::add);
        mail.setHeaders(headers);
        String encoded = new MailEncoder(mail, "localhost").encode();
        String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml";
        try {
            Files.createDirectories(folder);
            // written aside and moved in, so a mail client watching the folder never opens half a message
            Path partial = Files.writeString(folder.resolve(name + ".part"), encoded, StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the digest into " + folder, e);
        }
    }

    @Override
    public String describe() {
        return "outbox " + folder.toAbsolutePath();
    }
}
