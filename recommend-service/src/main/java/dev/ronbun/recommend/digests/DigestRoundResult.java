package dev.ronbun.recommend.digests;

/**
 * What one round of the digest sender did.
 *
 * @param sent          digests delivered (to SMTP or the outbox)
 * @param due           readers whose digest was due
 * @param withoutPapers due readers with no new paper in their window: no mail, and the window stays open
 * @param failed        digests that could not be delivered; their windows are given back for the next round
 */
public record DigestRoundResult(int sent, int due, int withoutPapers, int failed) {
}
