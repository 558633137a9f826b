package dev.ronbun.contracts.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first look at every request, before the body is read and before any framework parses the URI: a URI longer
 * than {@code ronbun.http.max-uri-length} is 414, a path or query that is not well-formed percent-encoded UTF-8 or
 * that carries a NUL is 400, a {@code Content-Length} over {@code quarkus.http.limits.max-body-size} is 413 — each
 * with a problem+json body, where the server's own refusals have none. Vert.x's own request-line limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set above ours so that ours answers. Also gives the
 * router's own errors (no route, wrong method, a body over the limit while it streams) problem+json bodies.
 */
@ApplicationScoped
public class RequestLineGuard {

    private final int maxUriLength;
    private final long maxBodyBytes;

    public RequestLineGuard(@ConfigProperty(name = "ronbun.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size")
                            Optional<MemorySize> maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        // Before the body handler (ROUTE_ORDER_BODY_HANDLER), so a refused request is never buffered.
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::check)
                .failureHandler(RequestLineGuard::statusFailure);
        router.errorHandler(404, context -> VertxProblems.answer(context, Problem.of(404, "not-found", "Not found",
                "Nothing here: " + UnsafeText.forLog(context.request().path()) + "."), false));
        router.errorHandler(405, context -> VertxProblems.answer(context, Problem.of(405, "method-not-allowed",
                "Method not allowed", context.request().method() + " is not allowed here."), false));
        router.errorHandler(400, context -> VertxProblems.answer(context, Problem.of(400, "bad-request",
                "Bad request", "The request could not be decoded (its URI, say, is not well-formed)."), true));
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            VertxProblems.answer(context, Problem.of(414, "uri-too-long", "URI too long",
                    "The request URI has " + uri.length() + " characters; at most " + maxUriLength + " are accepted."),
                    true);
            return;
        }
        int question = uri.indexOf('?');
        Optional<String> flaw = flaw("path", question < 0 ? uri : uri.substring(0, question))
                .or(() -> question < 0 ? Optional.empty() : flaw("query", uri.substring(question + 1)));
        if (flaw.isPresent()) {
            VertxProblems.answer(context, Problem.of(400, "invalid-uri", "Bad request", flaw.get()), false);
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            VertxProblems.answer(context, Problem.of(413, "body-too-large", "Content too large",
                    "The request body is larger than the " + maxBodyBytes + " bytes this service accepts."), true);
            return;
        }
        context.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses it
        }
    }

    /** The router's status-only failures (a body over the limit while it streams, say) get a problem body. */
    private static void statusFailure(RoutingContext context) {
        int status = context.statusCode();
        if (context.failure() != null || status < 400 || status >= 500 || status == 401 || status == 403) {
            context.next();
            return;
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = status == 413 ? "The request body is larger than this service accepts." : title + ".";
        VertxProblems.answer(context, Problem.of(status, title.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-"), title, detail), status == 413);
    }

    /** What is wrong with a raw (still percent-encoded) part of the URI, or empty when nothing is. */
    static Optional<String> flaw(String part, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.of("The " + part + " has a '%' that is not followed by two hex digits.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c <= 0xff) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.of("The " + part + " is not valid UTF-8 once percent-decoded (encoded surrogates and"
                    + " overlong forms included).");
        }
        return UnsafeText.flaw(decoded).map(flaw -> "The " + part + " contains " + flaw + " once percent-decoded.");
    }
}
