package dev.ronbun.faults.stack;

import dev.ronbun.infra.postgres.PostgresServer;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * What the suite's checks read a running stack through, whether one process of each part ({@link FaultStack}) or a
 * broker cluster with replicas of every service ({@link ClusterStack}).
 */
public interface ProbedStack {

    /** recommend-service's consumer group for its index; each further replica has its own ({@code …-2}, …). */
    String RECOMMEND_INDEX_GROUP = "recommend-service-index";

    /** Every broker, for clients' {@code bootstrap.servers}. */
    String bootstrapServers();

    /** The server holding every service's database. */
    PostgresServer postgres();

    /** The base URL of the recommend-service whose index the checks count (the first replica's). */
    String recommendBaseUrl();

    /** An admin client for the brokers. */
    Admin admin();

    /** The consumer groups that fill recommend-service indexes: all must catch up before the pipeline has settled. */
    default List<String> recommendIndexGroups() {
        return List.of(RECOMMEND_INDEX_GROUP);
    }
}
