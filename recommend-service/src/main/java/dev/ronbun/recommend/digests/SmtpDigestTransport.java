package dev.ronbun.recommend.digests;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends digests with Quarkus Mailer over SMTP ({@code quarkus.mailer.host}, {@code port}, {@code from}, ...). */
final class SmtpDigestTransport implements DigestTransport {

    private final Mailer mailer;

    SmtpDigestTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(DigestMessage message) {
        Mail mail = Mail.withHtml(message.to(), message.subject(), message.html()).setText(message.text());
        message.listUnsubscribeHeaders().forEach(mail::addHeader);
        mailer.send(mail);
    }

    @Override
    public String describe() {
        return "SMTP";
    }
}
