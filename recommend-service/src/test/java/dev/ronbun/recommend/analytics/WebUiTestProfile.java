package dev.ronbun.recommend.analytics;

import dev.ronbun.recommend.feeds.IngestFeedsStandIn;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The analytics and browser tests run in an application start of their own, with a fresh index that takes papers from
 * where the previous start committed its offsets. So the papers these tests publish never show up in the index the
 * plain {@code @QuarkusTest}s assert on, and theirs not in ours, whichever start comes first. Feed requests go to
 * a stand-in of ingest-service's feed API, for the feed page.
 */
public class WebUiTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ronbun.recommend.ingest-url", IngestFeedsStandIn.shared().baseUrl());
    }
}
