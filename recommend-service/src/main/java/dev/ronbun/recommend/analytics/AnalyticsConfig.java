package dev.ronbun.recommend.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Settings of the web UI's analytics, under {@code ronbun.analytics}. */
@ConfigMapping(prefix = "ronbun.analytics")
public interface AnalyticsConfig {

    /** The study group's time zone: it decides which day and which week (Monday to Sunday) an event falls in. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    /** Weeks shown by the weekly charts and keyword trends when the request does not say. */
    @WithDefault("12")
    int weeks();

    /** Days shown by the reading chart when the request does not say. */
    @WithDefault("30")
    int days();

    /** How often the paper index is looked at for new papers, which are then pushed to open pages. */
    @WithDefault("1s")
    Duration indexPollInterval();

    /** The most papers the topic map, trends and weekly counts look at (the newest first). */
    @WithDefault("5000")
    int maxPapers();

    /** Upper bound on the topic map's clusters; the map uses the number up to this that separates the papers best. */
    @WithDefault("8")
    int maxClusters();

    /**
     * Consumer groups whose lag the overview shows: embed-service reads summaries and document retractions,
     * recommend-service-index reads papers, recommend-service-readers reads reading events.
     */
    @WithDefault("embed-service,recommend-service-index,recommend-service-readers")
    List<String> lagGroups();

    /** How long one Kafka admin request for the lag may take before the lag is reported unavailable. */
    @WithDefault("3s")
    Duration lagTimeout();
}
