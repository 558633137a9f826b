package dev.ronbun.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The harnesses' shared option block finds the stack {@code ./ronbun} describes unless told another one. */
class StackTargetTest {

    @Test
    void theServicesAreOnThisMachineAtThePortsTheStackVariablesName() {
        StackTarget target = parse().withEnvironment(Map.of("RONBUN_RECOMMEND_PORT", "18080",
                "RONBUN_INGEST_PORT", "18081")::get);

        assertThat(target.recommend()).isEqualTo("http://127.0.0.1:18080");
        assertThat(target.ingest(null)).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void givenUrlsWinOverTheStackVariablesAndLoseATrailingSlash() {
        StackTarget target = parse("--recommend-url", "http://recommend.example:9000/")
                .withEnvironment(Map.of("RONBUN_RECOMMEND_PORT", "18080", "RONBUN_INGEST_PORT", "18081")::get);

        assertThat(target.recommend()).isEqualTo("http://recommend.example:9000");
        assertThat(target.ingest(URI.create("http://ingest.example:9001/"))).isEqualTo("http://ingest.example:9001");
    }

    private static StackTarget parse(String... args) {
        StackTarget target = new StackTarget();
        new CommandLine(target).parseArgs(args);
        return target;
    }
}
