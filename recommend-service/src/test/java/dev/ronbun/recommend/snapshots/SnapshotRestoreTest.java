package dev.ronbun.recommend.snapshots;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new replica starts from another replica's snapshot (see {@link SeededSnapshot}): it serves the snapshot's papers
 * without reading them from the topic, replays only the records after the snapshot's offsets (a new paper, a
 * deletion), is not ready before that, and then publishes snapshots of its own, keeping the newest two. Its live
 * consumer, in a group of its own, starts where that replay stops.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
@QuarkusTestResource(value = SeededSnapshot.class, restrictToAnnotatedClass = true)
class SnapshotRestoreTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aNewReplicaRestoresTheSnapshotAndReplaysOnlyTheTopicAfterIt() {
        TestPapers.awaitPresent(SeededSnapshot.AFTER.paperId());
        TestPapers.await("the tail replay to finish", () -> "done".equals(progress().getString("state")));
        TestPapers.await("the deletion after the snapshot", () -> status(SeededSnapshot.DELETED_LATER.paperId()) == 404);

        JsonPath progress = progress();
        JsonPath listing = snapshots();

        assertThat(status(SeededSnapshot.KEPT.paperId())).isEqualTo(200);
        assertThat(status(SeededSnapshot.ALSO_KEPT.paperId())).isEqualTo(200);
        assertThat(progress.getString("reason")).isEqualTo("the topic after a restored snapshot");
        // the new paper, the merged work and their two tombstones: not the four papers before them, nor any other test's
        assertThat(progress.getLong("recordsTotal")).isEqualTo(4);
        assertThat(progress.getLong("papersDeleted")).isEqualTo(2);
        assertThat(listing.getString("restored.manifest.id")).isEqualTo(SeededSnapshot.SNAPSHOT_ID);
        assertThat(listing.getString("store")).isEqualTo(SeededSnapshot.store.toAbsolutePath().toString());
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theTailReplayCarriesAWorkMergedAfterTheSnapshotAsTheLiveConsumerWould() {
        TestPapers.await("the tail replay to finish", () -> "done".equals(progress().getString("state")));

        // a link to the title-keyed record answers with the work it was merged into (the alias MergedWorks keeps)
        assertThat(given().auth().oauth2(TestTokens.reader("snapshot-reader")).when()
                .get("/api/papers/{id}", SeededSnapshot.TITLE_KEYED.paperId()).then().statusCode(200).extract()
                .jsonPath().getString("paperId")).isEqualTo(SeededSnapshot.MERGED.paperId());
    }

    @Test
    void theNewReplicasLiveConsumerReadsOnlyTheRecordsAfterTheSnapshot() {
        String topic = Topics.PAPERS.name();
        int partitions = TestTopics.partitions(topic);
        List<String> markers = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            PaperEvent marker = TestPapers.paper("marker:" + partition, "Marker " + partition)
                    .vector(0.3f, 0.3f, 0.3f).text("区切り。").build();
            TestTopics.send(topic, partition, marker.paperId(), EventJson.write(marker));
            markers.add(marker.paperId());
        }
        // a marker in every partition indexed: the live consumer has read past everything before it
        markers.forEach(TestPapers::awaitPresent);
        TestPapers.await("the live consumer to count the markers", () -> liveRecords() >= partitions);

        // only the markers: the records after the snapshot were the startup replay's, and from the topic's start it
        // would also have read the snapshot's four papers and every other test's records before them
        assertThat(liveRecords()).isEqualTo(partitions);
    }

    private double liveRecords() {
        return registry.get("ronbun.recommend.index.live-records").counter().count();
    }

    @Test
    void theReplicaPublishesItsOwnSnapshotsAndKeepsTheNewestTwo() {
        TestPapers.await("the tail replay to finish", () -> "done".equals(progress().getString("state")));
        JsonPath first = publish();
        JsonPath second = publish();
        List<String> ids = snapshots().getList("snapshots.id");

        assertThat(first.getString("schema")).isEqualTo(dev.ronbun.recommend.index.PaperIndex.schema());
        assertThat(first.getLong("papers")).isGreaterThanOrEqualTo(3);
        assertThat(first.getMap("offsets")).isNotEmpty();
        assertThat(first.getList("files.name", String.class)).anyMatch(name -> name.startsWith("segments_"));
        assertThat(ids).hasSize(2).containsExactly(second.getString("id"), first.getString("id"))
                .doesNotContain(SeededSnapshot.SNAPSHOT_ID);
    }

    @Test
    void snapshotsAreForAdminsOnly() {
        given().auth().oauth2(TestTokens.reader("snapshot-reader")).when().post("/api/admin/snapshots")
                .then().statusCode(403);
        given().when().get("/api/admin/snapshots").then().statusCode(401);
    }

    private static JsonPath publish() {
        return given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/snapshots")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath snapshots() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/snapshots")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath progress() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/reindex")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int status(String paperId) {
        return given().auth().oauth2(TestTokens.reader("snapshot-reader")).when().get("/api/papers/{id}", paperId)
                .statusCode();
    }
}
