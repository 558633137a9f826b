package dev.ronbun.contracts.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits {@link RateLimited} endpoints per principal: past the limit, 429 problem+json with {@code Retry-After}
 * (whole seconds). Runs after authentication, so the principal is the token's subject; one caller cannot use up
 * another's allowance.
 */
@Provider
@RateLimited
@Priority(Priorities.USER)
public class RateLimitFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String key = principal == null ? "" : principal.getName();
        Optional<Duration> wait = limiter.take(key);
        wait.ifPresent(duration -> request.abortWith(
                RateLimitExceededMapper.tooManyRequests(RateLimiter.Limit.WRITES, duration)));
    }
}
