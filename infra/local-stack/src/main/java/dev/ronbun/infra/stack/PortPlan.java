package dev.ronbun.infra.stack;

import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where every process of the local stack listens, for {@code brokers} Kafka nodes and {@code replicas} instances of
 * each service. Counting starts at 1; the first of each keeps the port and name a stack of one of each always had.
 * <ul>
 *   <li>broker {@code n}: {@code kafkaPort + n - 1} (9092, 9093, 9094…);</li>
 *   <li>its KRaft controller: {@code kafkaControllerPort} for a single broker (9093, as always); for a cluster the
 *       first port after the brokers' or {@code kafkaControllerPort}, whichever is higher, then upwards
 *       (9095, 9096, 9097 for three brokers);</li>
 *   <li>replica {@code r} of a service: its base port {@code + 10 × (r - 1)} (recommend 8080, 8090…; ingest 8081,
 *       8091…; embed 8082, 8092…).</li>
 * </ul>
 *
 * @param servicePorts the base port of each service: its first replica's
 */
public record PortPlan(int kafkaPort, int kafkaControllerPort, int brokers, Map<RonbunService, Integer> servicePorts,
                       int replicas) {

    /** The distance between a service's replicas' ports; the three services' base ports differ by less. */
    public static final int REPLICA_PORT_STEP = 10;

    public PortPlan {
        servicePorts = Map.copyOf(servicePorts);
    }

    /** Broker {@code node}'s client port. */
    public int brokerPort(int node) {
        return kafkaPort + checked(node, brokers, "broker") - 1;
    }

    /** Broker {@code node}'s KRaft controller port. */
    public int controllerPort(int node) {
        checked(node, brokers, "broker");
        int first = brokers == 1 ? kafkaControllerPort : Math.max(kafkaControllerPort, kafkaPort + brokers);
        return first + node - 1;
    }

    /** The HTTP port of replica {@code replica} of {@code service}. */
    public int servicePort(RonbunService service, int replica) {
        return servicePorts.get(service) + REPLICA_PORT_STEP * (checked(replica, replicas, "replica") - 1);
    }

    /** Every service's port in replica {@code replica}: what that replica's instances are wired to. */
    public Map<RonbunService, Integer> servicePorts(int replica) {
        Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
        for (RonbunService service : RonbunService.values()) {
            ports.put(service, servicePort(service, replica));
        }
        return ports;
    }

    /** Every port by the name of what listens on it (process names as in pid files), brokers first. */
    public Map<String, Integer> all() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int node = 1; node <= brokers; node++) {
            ports.put(ChildProcess.instanceName(KafkaBrokerProcess.NAME, node), brokerPort(node));
            ports.put(ChildProcess.instanceName(KafkaBrokerProcess.NAME, node) + " controller", controllerPort(node));
        }
        for (int replica = 1; replica <= replicas; replica++) {
            for (RonbunService service : RonbunService.values()) {
                ports.put(ChildProcess.instanceName(service.moduleName(), replica), servicePort(service, replica));
            }
        }
        return ports;
    }

    private static int checked(int instance, int count, String what) {
        if (instance < 1 || instance > count) {
            throw new IllegalArgumentException("No " + what + " " + instance + " of " + count);
        }
        return instance;
    }
}
