package dev.ronbun.infra.kafka;

import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * Kafka loads its plug-ins (serializers, metrics reporters, assignors) through the thread's context class loader.
 * Under a Quarkus test that loader is the application's, which holds a second copy of kafka-clients, so a client
 * or broker created there fails with "is not an instance of". Creating them with Kafka's own loader avoids that.
 */
public final class KafkaClassLoading {

    private KafkaClassLoading() {
    }

    /** Runs {@code create} with the class loader that loaded kafka-clients as the context class loader. */
    public static <T> T withKafkaClassLoader(Supplier<T> create) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Admin.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
