package dev.ronbun.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** ingest-service settings, under {@code ronbun.ingest}. */
@ConfigMapping(prefix = "ronbun.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes; larger ones are refused with 413. Default 2 MiB. */
    @WithDefault("2097152")
    int maxDocumentBytes();

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
    }
}
