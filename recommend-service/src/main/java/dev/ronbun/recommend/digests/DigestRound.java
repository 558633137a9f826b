package dev.ronbun.recommend.digests;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.ranking.Feed;
import dev.ronbun.recommend.ranking.ReaderRecommendations;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The digest sender: for each reader whose digest is due, the best ranked papers first seen since their last digest
 * (the reader's feed, {@link ReaderRecommendations#feed}, with the last digest as its start) go out as one message.
 * A window is claimed in PostgreSQL before its message is sent, so a restart or a second instance never sends it
 * twice; a window without papers sends nothing and stays open.
 */
@ApplicationScoped
public class DigestRound {

    private static final Logger LOG = Logger.getLogger(DigestRound.class);

    private final DigestSubscriptions subscriptions;
    private final ReaderRecommendations recommendations;
    private final DigestComposer composer;
    private final DigestTransport transport;
    private final DigestSettings settings;
    private final Clock clock;

    public DigestRound(DigestSubscriptions subscriptions, ReaderRecommendations recommendations,
                       DigestComposer composer, DigestTransport transport, RecommendConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.recommendations = recommendations;
        this.composer = composer;
        this.transport = transport;
        this.settings = config.digests();
        this.clock = clock;
    }

    @Scheduled(identity = "digest-round", every = "${ronbun.recommend.digests.check-interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "30s")
    void onSchedule() {
        try {
            DigestRoundResult result = runOnce();
            if (result.due() > 0) {
                LOG.infof("Digest round: %d due, %d sent (%s), %d without new papers, %d failed", result.due(),
                        result.sent(), transport.describe(), result.withoutPapers(), result.failed());
            }
        } catch (RuntimeException e) {
            // the database is away: nothing was claimed that is not given back, and the next round tries again
            LOG.warnf("Digest round failed: %s", e.toString());
        }
    }

    /** One round now: every due reader, batch by batch. */
    public DigestRoundResult runOnce() {
        Instant now = clock.instant();
        int sent = 0;
        int due = 0;
        int withoutPapers = 0;
        int failed = 0;
        String after = null;
        while (true) {
            List<DigestSubscription> batch = subscriptions.active(after, settings.batchSize());
            for (DigestSubscription reader : batch) {
                after = reader.readerId();
                if (!isDue(reader, now)) {
                    continue;
                }
                due++;
                switch (sendDigest(reader)) {
                    case SENT -> sent++;
                    case NO_PAPERS -> withoutPapers++;
                    case FAILED -> failed++;
                    case CLAIMED_ELSEWHERE -> due--;
                }
            }
            if (batch.size() < settings.batchSize()) {
                return new DigestRoundResult(sent, due, withoutPapers, failed);
            }
        }
    }

    private boolean isDue(DigestSubscription reader, Instant now) {
        Instant slot = reader.frequency().latestSlot(now, settings.sendHour(), settings.sendDay(), settings.zone());
        return reader.lastSentAt() == null || reader.lastSentAt().isBefore(slot);
    }

    private enum Outcome { SENT, NO_PAPERS, FAILED, CLAIMED_ELSEWHERE }

    private Outcome sendDigest(DigestSubscription reader) {
        Instant from = reader.lastSentAt() != null ? reader.lastSentAt()
                : clock.instant().minus(reader.frequency().period());
        Feed feed = recommendations.feed(reader.readerId(), from, settings.itemsPerDigest(), PaperFilter.NONE);
        if (feed.items().isEmpty()) {
            return Outcome.NO_PAPERS;
        }
        // PostgreSQL keeps microseconds: the claimed value must read back exactly for release's comparison
        Instant until = feed.until().truncatedTo(ChronoUnit.MICROS);
        if (!subscriptions.claim(reader, until)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        try {
            String token = subscriptions.issueUnsubscribeToken(reader.readerId(),
                    until.minus(settings.unsubscribeLinkValidFor()));
            transport.send(composer.compose(reader, feed, token));
            return Outcome.SENT;
        } catch (RuntimeException e) {
            LOG.warnf("The digest of reader %s could not be sent (%s); the next round tries again", reader.readerId(),
                    e.toString());
            subscriptions.release(reader, until);
            return Outcome.FAILED;
        }
    }
}
