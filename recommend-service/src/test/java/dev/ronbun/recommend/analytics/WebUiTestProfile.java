package dev.ronbun.recommend.analytics;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The analytics and browser tests run in an application start of their own, with a fresh index that takes papers from
 * where the previous start committed its offsets. So the papers these tests publish never show up in the index the
 * plain {@code @QuarkusTest}s assert on, and theirs not in ours, whichever start comes first.
 */
public class WebUiTestProfile implements QuarkusTestProfile {
}
