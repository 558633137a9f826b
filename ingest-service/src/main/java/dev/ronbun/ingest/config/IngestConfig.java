package dev.ronbun.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** ingest-service settings, under {@code ronbun.ingest}. */
@ConfigMapping(prefix = "ronbun.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes; larger ones are refused with 413. Default 2 MiB. */
    @WithDefault("2097152")
    int maxDocumentBytes();

    /** Folder watched for new documents; processed files move to {@code done/}, rejected ones to {@code failed/}. */
    @WithDefault(".ronbun/inbox")
    Path inboxDir();
}
