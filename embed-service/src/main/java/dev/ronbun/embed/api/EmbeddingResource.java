package dev.ronbun.embed.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.embed.embedding.TextEmbedder;
import io.quarkus.security.Authenticated;
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

    public EmbeddingResource(TextEmbedder embedder) {
        this.embedder = embedder;
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
        String mode = request.mode() == null ? "query" : request.mode();
        List<float[]> vectors = switch (mode) {
            case "query" -> request.texts().stream().map(embedder::embedQuery).toList();
            case "passage" -> Arrays.asList(embedder.embedPassages(request.texts()));
            default -> throw ProblemException.badRequest("unknown-mode", "mode must be 'query' or 'passage', got '" + mode + "'.");
        };
        return new EmbeddingResponse(embedder.descriptor().id(), embedder.modelVersion(), embedder.dimension(), vectors);
    }
}
