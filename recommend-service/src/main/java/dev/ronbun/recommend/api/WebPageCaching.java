package dev.ronbun.recommend.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web UI's pages and assets are revalidated on every use ({@code Cache-Control: no-cache}, with the static
 * handler's {@code Last-Modified} as the validator, so an unchanged file costs a 304): their names carry no
 * fingerprint, so the static handler's default ({@code public, immutable, max-age=86400}) would leave browsers on the
 * old UI for a day after a release. Long caching is only right for fingerprinted names, which the UI has none of.
 */
@ApplicationScoped
public class WebPageCaching {

    static final String PAGES = "/|/[a-z]+\\.html|/assets/.+";

    void install(@Observes Router router) {
        router.routeWithRegex(PAGES).method(HttpMethod.GET).method(HttpMethod.HEAD).order(Integer.MIN_VALUE + 10)
                .handler(context -> {
                    context.addHeadersEndHandler(ended -> context.response().headers().set("Cache-Control", "no-cache"));
                    context.next();
                });
    }
}
