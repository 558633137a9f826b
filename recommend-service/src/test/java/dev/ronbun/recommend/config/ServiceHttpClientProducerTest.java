package dev.ronbun.recommend.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one client recommend-service calls ingest- and embed-service with. */
class ServiceHttpClientProducerTest {

    private final ServiceHttpClientProducer producer = new ServiceHttpClientProducer();

    @Test
    void connectsWithinFiveSecondsAndPassesRedirectsOnAsTheyCame() {
        HttpClient client = producer.serviceHttpClient();

        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(5));
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        producer.close(client);
    }

    @Test
    void isShutDownWithTheApplication() throws InterruptedException {
        HttpClient client = producer.serviceHttpClient();

        producer.close(client);

        assertThat(client.awaitTermination(Duration.ofSeconds(10))).isTrue();
    }
}
