package dev.ronbun.infra.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LivenessProbeTest {

    @Test
    void namesTheFailedMessagingChannelsOfAQuarkusHealthAnswer() {
        String body = """
                {"status":"DOWN","checks":[{"name":"SmallRye Reactive Messaging - liveness check","status":"DOWN",
                "data":{"reading-events":"[KO] - too many messages without ack","papers":"[OK]"}},
                {"name":"disk","status":"DOWN"},{"name":"other","status":"UP"}]}""";

        assertThat(LivenessProbe.whyDown(503, body)).isEqualTo("channel reading-events failed, check disk is DOWN");
    }

    @Test
    void fallsBackToTheStatusCodeWhenTheBodySaysNothing() {
        assertThat(LivenessProbe.whyDown(500, "<html>oops</html>")).isEqualTo("HTTP 500");
    }
}
