package dev.ronbun.contracts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;

/** Writes a {@link Problem} straight onto a Vert.x response, for answers given before (or outside) the REST layer. */
final class VertxProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VertxProblems() {
    }

    static void answer(RoutingContext context, Problem problem, boolean close) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store");
        if (close) {
            // A refused body may still be on its way: close rather than read it.
            response.putHeader("Connection", "close");
            response.endHandler(ended -> context.request().connection().close());
        }
        response.end(body);
    }
}
