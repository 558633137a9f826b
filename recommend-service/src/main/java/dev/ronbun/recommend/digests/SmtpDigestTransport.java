package dev.ronbun.recommend.digests;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import java.time.Duration;

/**
 * Sends digests with Quarkus Mailer over SMTP ({@code quarkus.mailer.host}, {@code port}, {@code from}, ...), each
 * waited for at most the configured time (a server that stops answering fails the send, not the round).
 */
final class SmtpDigestTransport implements DigestTransport {

    private final ReactiveMailer mailer;
    private final Duration timeout;

    SmtpDigestTransport(ReactiveMailer mailer, Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    @Override
    public void send(DigestMessage message) {
        Mail mail = Mail.withHtml(message.to(), message.subject(), message.html()).setText(message.text());
        message.listUnsubscribeHeaders().forEach(mail::addHeader);
        mailer.send(mail).await().atMost(timeout);
    }

    @Override
    public String describe() {
        return "SMTP";
    }
}
