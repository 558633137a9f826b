package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class LibraryTest {

    static final String KIND = "library-test";
    // two topics far apart in the vector space: state-space models along x, vision along z
    static final PaperEvent SSM = paper("arxiv:2312.00752", "Mamba: Linear-Time Sequence Modeling")
            .arxiv("2312.00752").kind(KIND).vector(0.95f, 0.1f, 0.0f).build();
    static final PaperEvent SSM_NEAR = paper("library-ssm-near", "Selective State Spaces, Again")
            .kind(KIND).vector(0.9f, 0.15f, 0.05f).build();
    static final PaperEvent VISION = paper("library-vision", "Costs {and} 100% of $x_i$ & more: a \\study")
            .kind(KIND).published("CVPR", 2024).vector(0.0f, 0.1f, 0.95f).build();
    static final PaperEvent VISION_NEAR = paper("library-vision-near", "Vision Transformers Once More")
            .kind(KIND).vector(0.05f, 0.15f, 0.9f).build();

    private static boolean published;

    @BeforeEach
    void publishThePapersOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(SSM, SSM_NEAR, VISION, VISION_NEAR);
        }
    }

    @Test
    void savingTaggingFilteringAndRemovingRoundTripAndReachTheHistoryAsSavedAndUnsaved() throws SQLException {
        String reader = "reader-" + UUID.randomUUID();
        put(reader, SSM.paperId(), "{\"tags\":[\" SSM \",\"to-read\",\"ssm\"],\"note\":\"第3節\"}")
                .statusCode(200)
                .body("tags", equalTo(List.of("SSM", "to-read")))
                .body("note", equalTo("第3節"));
        put(reader, VISION.paperId(), "{\"tags\":[\"vision\",\"TO-READ\"]}").statusCode(200);

        JsonPath all = library(reader, null);
        assertThat(all.getList("items.paperId", String.class)).containsExactly(VISION.paperId(), SSM.paperId());
        assertThat(all.getString("items[1].title")).isEqualTo("Mamba: Linear-Time Sequence Modeling");
        assertThat(all.getString("items[1].arxivId")).isEqualTo("2312.00752");
        assertThat(all.getString("items[1].savedAt")).isNotBlank();
        assertThat(all.getList("tags.tag", String.class)).containsExactly("to-read", "SSM", "vision");
        assertThat(all.getList("tags.count", Integer.class)).containsExactly(2, 1, 1);
        assertThat(library(reader, "ssm").getList("items.paperId", String.class)).containsExactly(SSM.paperId());

        JsonPath history = ReadingEventsTest.awaitHistory(reader, 2);
        assertThat(history.getList("items.type", String.class)).containsOnly("saved");
        assertThat(profileRows(reader, SSM.paperId())).isEqualTo(1);

        given().auth().oauth2(TestTokens.reader(reader))
                .when().delete("/api/readers/{reader}/library/{paper}", reader, SSM.paperId())
                .then().statusCode(204);
        // removing again is harmless: an undo retried
        given().auth().oauth2(TestTokens.reader(reader))
                .when().delete("/api/readers/{reader}/library/{paper}", reader, SSM.paperId())
                .then().statusCode(204);
        assertThat(library(reader, null).getList("items.paperId", String.class)).containsExactly(VISION.paperId());

        history = ReadingEventsTest.awaitHistory(reader, 3);
        assertThat(history.getString("items[0].type")).isEqualTo("unsaved");
        assertThat(history.getList("items.type", String.class)).hasSize(3);
        // the save was the reader's only act on the paper, so undoing it leaves nothing in the profile
        TestPapers.await("the unsave to reach the profile", () -> profileRows(reader, SSM.paperId()) == 0);
    }

    @Test
    void theLibraryIsTheReadersOwn() {
        String reader = "reader-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"tags\":[]}")
                .when().put("/api/readers/{reader}/library/{paper}", reader, SSM.paperId())
                .then().statusCode(401);
        given().when().get("/api/readers/{reader}/library", reader).then().statusCode(401);
        given().auth().oauth2(TestTokens.reader("someone-else"))
                .when().get("/api/readers/{reader}/library", reader)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reader("someone-else")).contentType(ContentType.JSON).body("{\"tags\":[]}")
                .when().put("/api/readers/{reader}/library/{paper}", reader, SSM.paperId())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reader("someone-else"))
                .when().get("/api/readers/{reader}/library.bib", reader)
                .then().statusCode(403);
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnUnknownPaperA404() {
        String reader = "reader-" + UUID.randomUUID();
        put(reader, SSM.paperId(), "{\"tags\":[\"" + "x".repeat(41) + "\"]}").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'tags'"));
        put(reader, SSM.paperId(), "{\"tags\":[\"   \"]}").statusCode(400).body("detail", containsString("'tags'"));
        StringBuilder many = new StringBuilder("{\"tags\":[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        put(reader, SSM.paperId(), many + "]}").statusCode(400).body("detail", containsString("'tags'"));
        put(reader, SSM.paperId(), "{\"tags\":[],\"note\":\"" + "長".repeat(2001) + "\"}").statusCode(400)
                .body("detail", containsString("'note'"));
        put(reader, SSM.paperId(), "{\"tags\":").statusCode(400).contentType("application/problem+json");
        put(reader, "no-such-paper", "{\"tags\":[]}").statusCode(404)
                .body("type", equalTo("/problems/unknown-paper"));
        assertThat(library(reader, null).getList("items")).isEmpty();
    }

    @Test
    void theLibraryAsBibTeXCitesArxivPapersByEprintAndEscapesTeX() {
        String reader = "reader-" + UUID.randomUUID();
        put(reader, SSM.paperId(), "{\"tags\":[\"bib\"]}").statusCode(200);
        put(reader, VISION.paperId(), "{\"tags\":[\"bib\"]}").statusCode(200);

        String bib = given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{reader}/library.bib?tag=bib", reader)
                .then().statusCode(200).contentType(containsString("text/x-bibtex"))
                .extract().asString();

        assertThat(bib).contains("@misc{author2023mamba,", "title = {Mamba: Linear-Time Sequence Modeling}",
                "author = {A. Author}", "year = {2023}", "eprint = {2312.00752}", "archivePrefix = {arXiv}",
                "url = {https://arxiv.org/abs/2312.00752}");
        assertThat(bib).contains("@misc{author2024costs,",
                "title = {Costs \\{and\\} 100\\% of \\$x\\_i\\$ \\& more: a \\textbackslash{}study}",
                "year = {2024}");
        String vision = bib.substring(bib.indexOf("@misc{author2024costs"));
        vision = vision.substring(0, vision.indexOf("\n}\n"));
        assertThat(vision).doesNotContain("eprint");
        assertThat(bib.chars().filter(c -> c == '@').count()).isEqualTo(2);
    }

    @Test
    void recommendationsForATagComeFromThatTagsPapers() {
        String reader = "reader-" + UUID.randomUUID();
        put(reader, SSM.paperId(), "{\"tags\":[\"ssm\"]}").statusCode(200);
        put(reader, VISION.paperId(), "{\"tags\":[\"vision\"]}").statusCode(200);

        List<String> ssm = recommendations(reader, "ssm");
        List<String> vision = recommendations(reader, "vision");

        assertThat(ssm).first().isEqualTo(SSM_NEAR.paperId());
        assertThat(ssm).doesNotContain(SSM.paperId());
        assertThat(vision).first().isEqualTo(VISION_NEAR.paperId());
        assertThat(vision).doesNotContain(VISION.paperId());
        given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{reader}/recommendations?tag=nothing-here", reader)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-tag"));
    }

    private static List<String> recommendations(String reader, String tag) {
        return given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{reader}/recommendations?tag={tag}&kind=" + KIND, reader, tag)
                .then().statusCode(200).extract().jsonPath().getList("items.paperId", String.class);
    }

    private static io.restassured.response.ValidatableResponse put(String reader, String paperId, String body) {
        return given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON).body(body)
                .when().put("/api/readers/{reader}/library/{paper}", reader, paperId).then();
    }

    private static JsonPath library(String reader, String tag) {
        return given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{reader}/library" + (tag == null ? "" : "?tag=" + tag), reader)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int profileRows(String reader, String paperId) {
        try (Connection db = RonbunTestInfrastructure.postgres().connect("ronbun_recommend");
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from reader_papers where reader_id = ? and paper_id = ?")) {
            query.setString(1, reader);
            query.setString(2, paperId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
