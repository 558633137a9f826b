package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cached related papers are never stale for long: a paper indexed after a request shows up within moments (the cached
 * list is served while it is recomputed in the background), and a paper a list shows that changes is never served as
 * it was.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class ServedResultsTest {

    private static final String KIND = "served-results-test";

    private static final TestPapers.Builder SOURCE = paper("title:zorgen decomposition", "Zorgen decomposition")
            .kind(KIND).vector(-0.6f, -0.6f, -0.5f).keywords("ゾルゲン分解")
            .text("ゾルゲン分解で行列を小さな因子に分ける。Zorgen decomposition of sparse matrices.");
    private static final TestPapers.Builder LATE_TWIN = paper("title:zorgen decomposition revisited",
            "Zorgen decomposition revisited").kind(KIND).vector(-0.62f, -0.58f, -0.5f).keywords("ゾルゲン分解")
            .text("ゾルゲン分解を再検討し、疎な行列の因子分解を速くする。Zorgen decomposition revisited.");

    @Test
    void aPaperIndexedAfterARequestIsInTheAnswersWellWithinTheGrace() {
        TestPapers.publishAndAwait(SOURCE.build());
        List<String> before = relatedIds();
        assertThat(relatedIds()).as("served twice, from the cache the second time").isEqualTo(before);
        assertThat(before).doesNotContain(LATE_TWIN.id());

        TestPapers.publishAndAwait(LATE_TWIN.build());

        List<String> next = relatedIds();
        assertThat(next.equals(before) || next.getFirst().equals(LATE_TWIN.id()))
                .as("the list as it was (while it is recomputed) or the recomputed list: %s", next).isTrue();
        long firstSight = System.nanoTime();
        TestPapers.await("the recomputed list", () -> relatedIds().getFirst().equals(LATE_TWIN.id()));
        assertThat(Duration.ofNanos(System.nanoTime() - firstSight))
                .as("recomputed in the background, not merely expired after the 60 s grace")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aListedPaperThatChangedIsNeverServedAsItWas() {
        TestPapers.Builder source = paper("title:quorbel sampling", "Quorbel sampling").kind(KIND)
                .vector(0.3f, -0.7f, 0.6f).keywords("クォーベル標本化")
                .text("クォーベル標本化で分布から効率よく標本を得る。Quorbel sampling of posteriors.");
        TestPapers.publishAndAwait(source.build(), quorbelTwin("Quorbel sampling at scale").build());
        TestPapers.await("the twin listed", () -> titlesRelatedTo(source).contains("Quorbel sampling at scale"));

        String retitled = "Quorbel sampling at scale, second edition";
        TestPapers.publishAndAwait(quorbelTwin(retitled).build());
        TestPapers.await("the retitled twin", () -> retitled.equals(given().auth()
                .oauth2(TestTokens.reader("any-reader")).when().get("/api/papers/{id}", quorbelTwin(retitled).id())
                .then().extract().path("title")));

        assertThat(titlesRelatedTo(source)).as("the very next answer").contains(retitled)
                .doesNotContain("Quorbel sampling at scale");
    }

    /** The same paper (one key) under the title given. */
    private static TestPapers.Builder quorbelTwin(String title) {
        return paper("title:quorbel sampling at scale", title).kind(KIND).vector(0.32f, -0.68f, 0.6f)
                .keywords("クォーベル標本化")
                .text("クォーベル標本化を大規模に行い、事後分布の標本を速く得る。Quorbel sampling at scale.");
    }

    private static List<String> titlesRelatedTo(TestPapers.Builder source) {
        return related(source).getList("items.title", String.class);
    }

    private static List<String> relatedIds() {
        return related(SOURCE).getList("items.paperId", String.class);
    }

    private static JsonPath related(TestPapers.Builder source) {
        return given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("k", 5)
                .when().get("/api/papers/{id}/related", source.id())
                .then().statusCode(200).extract().jsonPath();
    }
}
