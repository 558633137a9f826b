package dev.ronbun.recommend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** recommend-service settings, under {@code ronbun.recommend}. */
@ConfigMapping(prefix = "ronbun.recommend")
public interface RecommendConfig {

    /** Folder of the Lucene index; it survives restarts and can be rebuilt by replaying ronbun.papers.v1. */
    @WithDefault(".ronbun/data/recommend-index")
    Path indexDir();

    /** Base URL of embed-service, which turns search queries into vectors with the same model as the papers. */
    @WithDefault("http://127.0.0.1:8082")
    String embedUrl();

    /** How many related papers are returned when the request does not say. */
    @WithDefault("10")
    int defaultK();

    /** Upper bound on k and page size, so one request cannot ask for the whole corpus. */
    @WithDefault("100")
    int maxK();
}
