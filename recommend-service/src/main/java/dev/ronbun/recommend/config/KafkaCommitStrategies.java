package dev.ronbun.recommend.config;

import dev.ronbun.contracts.CatchingUpCommit;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The commit strategy of the service's Kafka channels ({@code commit-strategy=throttled-catching-up}): SmallRye's
 * throttled one, with the commits a broker outage failed made again (see {@link CatchingUpCommit}).
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
