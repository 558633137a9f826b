package dev.ronbun.recommend.security;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token of the request being served, to pass on to embed-service: search embeds the query as the caller, so
 * embed-service authorises the caller rather than trusting recommend-service. Empty outside a request.
 */
@ApplicationScoped
public class CallerToken {

    private final Instance<JsonWebToken> token;

    public CallerToken(Instance<JsonWebToken> token) {
        this.token = token;
    }

    /** The raw token of the current request's caller, if there is a request and it carried one. */
    public Optional<String> raw() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.get().getRawToken());
    }
}
