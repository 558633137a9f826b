package dev.ronbun.recommend.digests;

/** Where a composed digest goes: an SMTP server, or the local outbox folder. */
public interface DigestTransport {

    /** Delivers the message or throws; a failure gives the reader's window back for the next round. */
    void send(DigestMessage message);

    /** In words, for the log: "SMTP" or the outbox folder. */
    String describe();
}
