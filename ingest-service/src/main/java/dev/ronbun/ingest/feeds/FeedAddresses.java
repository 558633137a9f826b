package dev.ronbun.ingest.feeds;

import dev.ronbun.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the service may fetch feeds from: http(s) only, and, unless
 * {@code ronbun.ingest.feeds.allow-private-addresses} is on, no host that resolves to a loopback, link-local,
 * private or unspecified address, so that registering a feed cannot make the service reach inside its own network.
 * Checked when a feed is registered and again before every fetch and every redirect, since DNS answers change;
 * {@link #resolve(URI)} resolves the host once and {@link FeedFetcher} connects to the very address it checked, so
 * a DNS answer that changes between the check and the connection (rebinding) cannot lead the fetch inside.
 */
@ApplicationScoped
public class FeedAddresses {

    static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name to its addresses; the system's DNS, or one a test controls. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public FeedAddresses(IngestConfig config) {
        this(config.feeds().allowPrivateAddresses());
    }

    FeedAddresses(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    FeedAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URI of {@code url}, or the reason it may not be fetched. */
    public URI require(String url) throws FeedException {
        if (url == null || url.isBlank()) {
            throw new FeedException("The feed URL is missing.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new FeedException("The URL is longer than " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FeedException("Not a URL: " + e.getMessage());
        }
        require(uri);
        return uri;
    }

    public void require(URI uri) throws FeedException {
        resolve(uri);
    }

    /**
     * The address to connect to for {@code uri}: its host resolved once, every address it resolves to checked,
     * the first one returned. The caller connects to this address, not to the host name again.
     */
    public InetAddress resolve(URI uri) throws FeedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedException("Only http and https URLs are fetched, not '" + uri.getScheme() + "'.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FeedException("The URL has no host.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FeedException("The host " + host + " does not resolve.");
        }
        if (addresses == null || addresses.length == 0) {
            throw new FeedException("The host " + host + " does not resolve.");
        }
        if (allowPrivate) {
            return addresses[0];
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = privateKind(address);
            if (kind.isPresent()) {
                throw new FeedException("The host " + host + " resolves to " + kind.get() + " address "
                        + address.getHostAddress() + "; such addresses are not fetched"
                        + " (ronbun.ingest.feeds.allow-private-addresses).");
            }
        }
        return addresses[0];
    }

    /** "a loopback", "a private"… for an address the service must not reach, else empty. */
    static Optional<String> privateKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        // fc00::/7, unique local IPv6, which Java does not count as site-local.
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC) {
            return Optional.of("a private");
        }
        return Optional.empty();
    }
}
