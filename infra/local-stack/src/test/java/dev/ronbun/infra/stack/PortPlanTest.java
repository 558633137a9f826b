package dev.ronbun.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.infra.services.RonbunService;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortPlanTest {

    private static final Map<String, String> THREE_BROKERS_TWO_REPLICAS = Map.of("RONBUN_HOME", "/srv/ronbun",
            "RONBUN_KAFKA_BROKERS", "3", "RONBUN_REPLICAS", "2");

    @Test
    void replicaKOfEachServiceListensTenPortsAboveReplicaKMinusOne() {
        PortPlan plan = StackConfig.from(THREE_BROKERS_TWO_REPLICAS::get).portPlan();

        assertThat(plan.servicePort(RonbunService.RECOMMEND, 1)).isEqualTo(8080);
        assertThat(plan.servicePort(RonbunService.RECOMMEND, 2)).isEqualTo(8090);
        assertThat(plan.servicePort(RonbunService.INGEST, 1)).isEqualTo(8081);
        assertThat(plan.servicePort(RonbunService.INGEST, 2)).isEqualTo(8091);
        assertThat(plan.servicePort(RonbunService.EMBED, 1)).isEqualTo(8082);
        assertThat(plan.servicePort(RonbunService.EMBED, 2)).isEqualTo(8092);
        assertThat(plan.servicePorts(2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                RonbunService.RECOMMEND, 8090, RonbunService.INGEST, 8091, RonbunService.EMBED, 8092));
        assertThatThrownBy(() -> plan.servicePort(RonbunService.EMBED, 3)).hasMessageContaining("replica 3 of 2");
    }

    @Test
    void brokersTakeConsecutivePortsAndTheirControllersThePortsAfterThem() {
        PortPlan plan = StackConfig.from(THREE_BROKERS_TWO_REPLICAS::get).portPlan();

        assertThat(plan.brokerPort(1)).isEqualTo(9092);
        assertThat(plan.brokerPort(2)).isEqualTo(9093);
        assertThat(plan.brokerPort(3)).isEqualTo(9094);
        assertThat(plan.controllerPort(1)).isEqualTo(9095);
        assertThat(plan.controllerPort(3)).isEqualTo(9097);
    }

    @Test
    void oneOfEachKeepsThePortsTheStackAlwaysHad() {
        PortPlan plan = StackConfig.from(Map.of("RONBUN_HOME", "/srv/ronbun")::get).portPlan();

        assertThat(plan.all()).containsExactly(Map.entry("kafka", 9092), Map.entry("kafka controller", 9093),
                Map.entry("ingest-service", 8081), Map.entry("embed-service", 8082),
                Map.entry("recommend-service", 8080));
    }

    @Test
    void movedBasePortsMoveEveryReplicaAndNoTwoProcessesShareAPort() {
        PortPlan plan = StackConfig.from(Map.of("RONBUN_KAFKA_PORT", "19092", "RONBUN_KAFKA_CONTROLLER_PORT", "19093",
                "RONBUN_RECOMMEND_PORT", "18080", "RONBUN_INGEST_PORT", "18081", "RONBUN_EMBED_PORT", "18082",
                "RONBUN_KAFKA_BROKERS", "3", "RONBUN_REPLICAS", "3")::get).portPlan();

        assertThat(plan.all()).containsEntry("kafka-3", 19094).containsEntry("kafka-3 controller", 19097)
                .containsEntry("recommend-service-3", 18100).containsEntry("embed-service-2", 18092)
                .hasSize(3 * 2 + 3 * 3);
        assertThat(new HashSet<>(plan.all().values())).hasSize(plan.all().size());
    }
}
