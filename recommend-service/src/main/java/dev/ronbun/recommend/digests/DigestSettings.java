package dev.ronbun.recommend.digests;

import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Email digests, under {@code ronbun.recommend.digests}; SMTP itself is configured with {@code quarkus.mailer.*}. */
public interface DigestSettings {

    /**
     * How often the sender looks for readers whose digest is due: a duration ({@code 15m}), or {@code off} to send
     * only when an admin asks ({@code POST /api/admin/digests/send}). A digest goes out at the first look after its
     * hour, so this is also how late it may be.
     */
    @WithDefault("15m")
    String checkInterval();

    /** The hour (0-23, in {@link #zone()}) from which a day's digest, or a week's on {@link #sendDay()}, is due. */
    @WithDefault("7")
    int sendHour();

    /** The day a weekly digest is due. */
    @WithDefault("monday")
    DayOfWeek sendDay();

    /** The time zone of {@link #sendHour()} and {@link #sendDay()}: the study group's. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    /** Due readers loaded from the database at a time; a round goes through all of them, batch by batch. */
    @WithDefault("100")
    int batchSize();

    /** Most papers one digest lists: the best ranked of its window. */
    @WithDefault("10")
    int itemsPerDigest();

    /** Characters of a paper's summary shown under its title. */
    @WithDefault("280")
    int snippetLength();

    /**
     * The web UI's address as readers reach it, for the links in a digest (paper pages, unsubscribe). The service
     * has no request to learn it from when it sends on its schedule.
     */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /**
     * Write each digest as an RFC 822 file ({@code *.eml}) into this folder instead of sending it over SMTP. Unset
     * by default (digests go to {@code quarkus.mailer.*}); {@code ./ronbun up} sets it to {@code .ronbun/outbox}
     * when no SMTP host is configured.
     */
    Optional<Path> outboxDir();

    /**
     * The longest one digest may take to hand over to the SMTP server. A server that accepted a connection and then
     * stops answering would otherwise hold the whole round; a digest that runs out of time is tried again by a later
     * round, like any failed send.
     */
    @WithDefault("60s")
    Duration sendTimeout();

    /** How long a digest's unsubscribe link keeps working. */
    @WithDefault("365d")
    Duration unsubscribeLinkValidFor();
}
