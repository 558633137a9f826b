package dev.ronbun.recommend.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class starts with: one headless Chromium, started before the class's first test and closed
 * after its last; the class is skipped, saying why, where Chromium is not installed. (A superclass rather than a
 * registered extension: Quarkus runs a test's methods on its own copy of the class, and runs inherited
 * {@code @BeforeAll} methods there too.)
 */
abstract class ChromiumTest {

    static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Browser tests skipped: " + HeadlessChromium.CHROMIUM
                + " is missing (apt-get install -y chromium chromium-driver, as ./ronbun test does).");
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
