package dev.ronbun.recommend.digests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, started before the application so that its port can be passed as
 * {@code quarkus.mailer.port}; injected into the test's {@link GreenMail} field to read what arrived.
 */
public class GreenMailSmtp implements QuarkusTestResourceLifecycleManager {

    /** The web UI's address the digests' links are built on in tests. */
    public static final String PUBLIC_URL = "http://ronbun.test/";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        // a fixed port rather than 0, so that a test can stop the server and start it again where the mailer points
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                // a stopped server's pooled connection may never answer: fail such a send well within a request
                "ronbun.recommend.digests.send-timeout", "5s",
                "quarkus.mailer.from", "Ronbun <ronbun@ronbun.test>",
                "ronbun.recommend.digests.public-url", PUBLIC_URL,
                // room for this class's papers among the whole suite's recent ones (cold start ranks by recency)
                "ronbun.recommend.digests.items-per-digest", "50");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail, new TestInjector.MatchesType(GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
