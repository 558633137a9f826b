package dev.ronbun.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedAddressesTest {

    private final FeedAddresses publicOnly = new FeedAddresses(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://127.8.9.10/", "http://[::1]/feed", "http://10.1.2.3/",
            "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/",
            "http://0.0.0.0/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://localhost/",
            "http://[::ffff:127.0.0.1]/"})
    void loopbackLinkLocalAndPrivateAddressesAreRefused(String url) {
        assertThatThrownBy(() -> publicOnly.require(url)).isInstanceOf(FeedException.class)
                .hasMessageContaining("allow-private-addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/feed.xml", "http://172.32.0.1/", "http://[2606:4700::1111]/"})
    void publicAddressesAreAccepted(String url) throws Exception {
        assertThat(publicOnly.require(url).getScheme()).startsWith("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://93.184.215.14/feed", "gopher://x/", "https:///no-host", "http://[::1"})
    void onlyHttpUrlsWithAHostAreFetched(String url) {
        assertThatThrownBy(() -> new FeedAddresses(true).require(url)).isInstanceOf(FeedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://192.168.1.1/"})
    void privateAddressesAreAllowedWhenConfigured(String url) throws Exception {
        assertThat(new FeedAddresses(true).require(url).getHost()).isNotBlank();
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsPrivateAndTheCheckedAddressIsTheOneReturned() throws Exception {
        InetAddress outside = InetAddress.getByName("93.184.215.14");
        InetAddress inside = InetAddress.getByName("10.0.0.7");
        FeedAddresses mixed = new FeedAddresses(false, host -> new InetAddress[] {outside, inside});
        FeedAddresses onlyPublic = new FeedAddresses(false, host -> new InetAddress[] {outside});

        assertThatThrownBy(() -> mixed.resolve(URI.create("http://mixed.ronbun.invalid/feed")))
                .isInstanceOf(FeedException.class).hasMessageContaining("a private address 10.0.0.7");
        assertThat(onlyPublic.resolve(URI.create("http://public.ronbun.invalid/feed"))).isEqualTo(outside);
    }
}
