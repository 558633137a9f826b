package dev.ronbun.contracts.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;

/** 429 problem+json with {@code Retry-After} in whole seconds. */
@Provider
public class RateLimitExceededMapper implements ExceptionMapper<RateLimitExceededException> {

    @Override
    public Response toResponse(RateLimitExceededException exception) {
        return tooManyRequests(exception.limit(), exception.waitFor());
    }

    static Response tooManyRequests(RateLimiter.Limit limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String what = switch (limit) {
            case WRITES -> "write requests";
            case COMPUTE -> "searches and recommendations";
            case EMBEDDINGS -> "texts to embed";
        };
        Problem problem = Problem.of(429, "rate-limited", "Too many requests",
                "Too many " + what + " from this caller (limit " + limit.name().toLowerCase(Locale.ROOT)
                        + "); try again in " + seconds + " s.");
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
