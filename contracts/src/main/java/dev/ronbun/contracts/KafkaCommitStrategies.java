package dev.ronbun.contracts;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The commit strategy of the Kafka channels of the services that consume through SmallRye (embed, recommend;
 * {@code commit-strategy=throttled-catching-up}): SmallRye's throttled one, with the commits a broker outage failed made
 * again (see {@link CatchingUpCommit}). ingest-service has no SmallRye Kafka connector, so it leaves this bean out
 * ({@code quarkus.arc.exclude-types}).
 */
@ApplicationScoped
public class KafkaCommitStrategies {

    @Produces
    @Identifier(CatchingUpCommit.STRATEGY)
    KafkaCommitHandler.Factory catchingUp(
            @Identifier(KafkaCommitHandler.Strategy.THROTTLED) KafkaCommitHandler.Factory throttled) {
        return CatchingUpCommit.factory(throttled);
    }
}
