package dev.ronbun.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** ingest-service settings, under {@code ronbun.ingest}. */
@ConfigMapping(prefix = "ronbun.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes; larger ones are refused with 413. Default 2 MiB. */
    @WithDefault("2097152")
    int maxDocumentBytes();

    /**
     * Most papers one document may be split into; a document with more is refused with 422 (a heading per line
     * would otherwise make a paper per line). Default 200.
     */
    @WithDefault("200")
    int maxPapersPerDocument();

    /**
     * Largest event (one paper as JSON, UTF-8) ingest publishes; a paper whose event would be larger is refused with
     * 413. Any text or Markdown document within {@link #maxDocumentBytes()} stays well below it (its text appears at
     * most twice in an event, as sections and as body, and JSON escaping at most doubles it), and so
     * does a page whose HTML expands into more text (up to the splitter's 5M-character cap): a last guard. It must stay below the summaries producer's
     * {@code max.request.size} (16 MiB), which must stay within the topic's {@code max.message.bytes}. Default 15 MiB.
     */
    @WithDefault("15728640")
    int maxEventBytes();

    /** Feed subscriptions (RSS, Atom, JSON Feed) polled for new entries. */
    Feeds feeds();

    /**
     * The transactional Kafka producer that publishes each document's papers (always idempotent, acknowledged by all
     * replicas, lz4). A document's papers are published inside the ledger's database transaction, so the broker's
     * answer must come well within that transaction's time-out: a broker away for minutes gives a 503 after about
     * {@link Publishing#deliveryTimeout()}, never a database transaction reaped under a waiting request (a 500).
     */
    Publishing publishing();

    interface Publishing {
        /** The brokers to publish to, when not the shared {@code kafka.bootstrap.servers}. */
        Optional<String> bootstrapServers();

        /** Longest wait for the broker's metadata or a transaction step before a 503 (Kafka's max.block.ms). */
        @WithDefault("20s")
        Duration maxBlock();

        /** Longest wait for one answer of the broker (Kafka's request.timeout.ms). */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Longest wait for the broker to take a paper, retries included, before a 503 (delivery.timeout.ms). */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /**
         * Largest request the producer sends, and so the largest paper (Kafka's max.request.size): within the
         * summaries topic's {@code max.message.bytes} and above {@link IngestConfig#maxEventBytes()}. Default 16 MiB.
         */
        @WithDefault("16777216")
        int maxRequestBytes();
    }

    interface Feeds {
        /** Whether registered feeds are polled on a schedule at all. */
        @WithDefault("true")
        boolean enabled();

        /** How often each feed is fetched when all is well. Default 15 minutes. */
        @WithDefault("15m")
        Duration pollInterval();

        /**
         * How often the scheduler looks for feeds that are due; {@code off} disables the schedule (tests poll on
         * demand with {@code POST /api/feeds/{id}/poll}).
         */
        @WithDefault("30s")
        String checkInterval();

        /** Longest wait after failures: each consecutive failure doubles the poll interval, up to this. */
        @WithDefault("24h")
        Duration maxBackoff();

        /** Connect timeout of one fetch, and the longest silence while its answer arrives. */
        @WithDefault("20s")
        Duration fetchTimeout();

        /**
         * Longest a whole fetch may take, redirects and body included: a server that trickles its answer a byte at
         * a time never falls silent for {@link #fetchTimeout()}, and is cut off here. Default 60 seconds.
         */
        @WithDefault("60s")
        Duration fetchDeadline();

        /** Largest feed (or linked page) read, in bytes; a larger one is an error. Default 5 MiB. */
        @WithDefault("5242880")
        int maxFeedBytes();

        /** Most redirects followed for one fetch; more (or a loop) is an error. */
        @WithDefault("5")
        int maxRedirects();

        /**
         * Whether feeds on loopback, link-local and private addresses may be registered and fetched. Off by
         * default so that a curator cannot make the service reach inside its network; tests and a local stack
         * that serves its own feeds turn it on.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    /** The watched inbox folder. */
    Inbox inbox();

    interface Inbox {
        /** Whether the inbox folder is watched at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Folder watched for new documents; processed files move to {@code done/}, rejected ones to {@code failed/}
         * next to a {@code .reason.txt} saying why.
         */
        @WithDefault(".ronbun/inbox")
        Path dir();

        /** How often the folder is scanned. */
        @WithDefault("1s")
        Duration pollInterval();

        /** A file is taken only once it has not changed for this long, so half-copied files are left alone. */
        @WithDefault("500ms")
        Duration settleTime();

        /**
         * First wait before a file that could not be processed for a passing reason (broker or database down) is
         * tried again; each further failure doubles the wait, up to {@link #retryMaxDelay()}.
         */
        @WithDefault("1s")
        Duration retryInitialDelay();

        /** Longest wait between two tries of the same file. */
        @WithDefault("5m")
        Duration retryMaxDelay();
    }
}
