package dev.ronbun.embed.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimiter;
import dev.ronbun.contracts.http.UnsafeText;
import dev.ronbun.embed.embedding.TextEmbedder;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Embeds texts with the service's model, so other services (search) compare like with like. */
@Path("/api/embeddings")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class EmbeddingResource {

    static final int MAX_TEXTS = 64;

    private final TextEmbedder embedder;
    private final RateLimiter limiter;
    private final SecurityIdentity caller;

    public EmbeddingResource(TextEmbedder embedder, RateLimiter limiter, SecurityIdentity caller) {
        this.embedder = embedder;
        this.limiter = limiter;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Embed up to 64 texts as queries or passages")
    public EmbeddingResponse embed(EmbeddingRequest request) {
        if (request == null || request.texts() == null || request.texts().isEmpty()) {
            throw ProblemException.badRequest("no-texts", "Send {\"texts\": [\"...\"], \"mode\": \"query\"}.");
        }
        if (request.texts().size() > MAX_TEXTS) {
            throw ProblemException.badRequest("too-many-texts", "At most " + MAX_TEXTS + " texts per request.");
        }
        if (request.texts().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw ProblemException.badRequest("blank-text", "Every text must contain something.");
        }
        for (int i = 0; i < request.texts().size(); i++) {
            UnsafeText.require("texts[" + i + "]", request.texts().get(i));
        }
        UnsafeText.require("mode", request.mode());
        String mode = request.mode() == null ? "query" : request.mode();
        if (!mode.equals("query") && !mode.equals("passage")) {
            throw ProblemException.badRequest("unknown-mode",
                    "mode must be 'query' or 'passage', got '" + UnsafeText.forLog(mode) + "'.");
        }
        // Embedding is the dearest thing this service does for a caller: each text counts against their allowance.
        limiter.require(RateLimiter.Limit.EMBEDDINGS, caller, request.texts().size());
        List<float[]> vectors = switch (mode) {
            case "query" -> request.texts().stream().map(embedder::embedQuery).toList();
            case "passage" -> Arrays.asList(embedder.embedPassages(request.texts()));
            default -> throw new IllegalStateException("mode checked above");
        };
        return new EmbeddingResponse(embedder.descriptor().id(), embedder.modelVersion(), embedder.dimension(), vectors);
    }
}
