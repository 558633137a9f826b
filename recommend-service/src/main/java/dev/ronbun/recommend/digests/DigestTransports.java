package dev.ronbun.recommend.digests;

import dev.ronbun.recommend.config.RecommendConfig;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the transport: the outbox folder when {@code ronbun.recommend.digests.outbox-dir} is set, else SMTP. */
@ApplicationScoped
public class DigestTransports {

    @Produces
    @ApplicationScoped
    DigestTransport transport(RecommendConfig config, ReactiveMailer mailer, Clock clock,
                              @ConfigProperty(name = "quarkus.mailer.from") String from) {
        return config.digests().outboxDir()
                .<DigestTransport>map(folder -> new OutboxDigestTransport(folder, from, clock))
                .orElseGet(() -> new SmtpDigestTransport(mailer, config.digests().sendTimeout()));
    }
}
