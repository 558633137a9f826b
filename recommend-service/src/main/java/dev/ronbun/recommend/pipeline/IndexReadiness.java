package dev.ronbun.recommend.pipeline;

import dev.ronbun.recommend.config.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the index is being filled at startup (the whole topic into a new index, its tail after a restored
 * snapshot, or its own tail after its last commit): a replica behind a load balancer gets no requests it would answer
 * from half an index
 * ({@code ronbun.recommend.index.ready-after-replay}).
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final PaperReplay replay;
    private final boolean gated;

    public IndexReadiness(PaperReplay replay, RecommendConfig config) {
        this.replay = replay;
        this.gated = config.index().readyAfterReplay();
    }

    @Override
    public HealthCheckResponse call() {
        ReplayProgress progress = replay.progress();
        return HealthCheckResponse.named("paper index").status(!gated || replay.ready())
                .withData("replay", progress.state())
                .withData("recordsRead", progress.recordsRead())
                .withData("recordsTotal", progress.recordsTotal())
                .build();
    }
}
