package dev.ronbun.contracts;

/**
 * A consumer (a CDI bean) that processes its records under a {@link RedeliveryPolicy}; {@link ConsumerLiveness}
 * finds every one of them and watches its attempts.
 */
public interface RetryingConsumer {

    /** The consumer's name in the liveness check's data: "summaries", "papers". */
    String consumerName();

    /** The policy its attempts run under, built from the service's retry settings (with their stall limit). */
    RedeliveryPolicy redelivery();
}
