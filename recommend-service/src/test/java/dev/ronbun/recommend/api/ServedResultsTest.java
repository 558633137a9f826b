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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cached related papers are never stale: a paper indexed after a request shows up in the next one. */
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
    void aPaperIndexedAfterARequestIsInTheNextAnswer() {
        TestPapers.publishAndAwait(SOURCE.build());
        List<String> before = related();
        assertThat(related()).as("served twice, from the cache the second time").isEqualTo(before);
        assertThat(before).doesNotContain(LATE_TWIN.id());

        TestPapers.publishAndAwait(LATE_TWIN.build());

        List<String> after = related();
        assertThat(after.getFirst()).isEqualTo(LATE_TWIN.id());
    }

    private static List<String> related() {
        return given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("k", 5)
                .when().get("/api/papers/{id}/related", SOURCE.id())
                .then().statusCode(200).extract().jsonPath().getList("items.paperId", String.class);
    }
}
