package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.Ids;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.QueryParameters;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.analytics.AnalyticsConfig;
import dev.ronbun.recommend.analytics.CountBasis;
import dev.ronbun.recommend.analytics.DailyReading;
import dev.ronbun.recommend.analytics.IndexVersion;
import dev.ronbun.recommend.analytics.IndexWatch;
import dev.ronbun.recommend.analytics.KeywordCount;
import dev.ronbun.recommend.analytics.KeywordTrends;
import dev.ronbun.recommend.analytics.PaperLine;
import dev.ronbun.recommend.analytics.PaperReads;
import dev.ronbun.recommend.analytics.PapersPerWeek;
import dev.ronbun.recommend.analytics.PipelineLag;
import dev.ronbun.recommend.analytics.PipelineLagReport;
import dev.ronbun.recommend.analytics.ReadingActivity;
import dev.ronbun.recommend.analytics.TopicMap;
import dev.ronbun.recommend.analytics.TopicMapView;
import dev.ronbun.recommend.analytics.TrendingKeywords;
import dev.ronbun.recommend.analytics.WeeklyPapers;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** What the web UI's overview, trends, topic map and paper pages chart: read-only views of the index and readers. */
@Path("/api/analytics")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AnalyticsResource {

    private static final int MAX_WEEKS = 104;
    private static final int MAX_DAYS = 366;
    private static final int MAX_ITEMS = 100;

    private final WeeklyPapers weeklyPapers;
    private final KeywordTrends keywordTrends;
    private final TopicMap topicMap;
    private final ReadingActivity readingActivity;
    private final PipelineLag pipelineLag;
    private final IndexWatch indexWatch;
    private final AnalyticsConfig config;

    public AnalyticsResource(WeeklyPapers weeklyPapers, KeywordTrends keywordTrends, TopicMap topicMap,
                             ReadingActivity readingActivity, PipelineLag pipelineLag, IndexWatch indexWatch,
                             AnalyticsConfig config) {
        this.weeklyPapers = weeklyPapers;
        this.keywordTrends = keywordTrends;
        this.topicMap = topicMap;
        this.readingActivity = readingActivity;
        this.pipelineLag = pipelineLag;
        this.indexWatch = indexWatch;
        this.config = config;
    }

    @GET
    @Path("/papers/weekly")
    @Operation(summary = "Papers summarised per week by document shape (format) and by source document")
    public PapersPerWeek papersPerWeek(@QueryParam("weeks") String weeks, @QueryParam("basis") String basis) {
        try {
            return weeklyPapers.count(bounded("weeks", weeks, config.weeks(), 1, MAX_WEEKS),
                    CountBasis.fromWire(basis));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", e.getMessage());
        }
    }

    @GET
    @Path("/keywords/trending")
    @Operation(summary = "Keywords rising week over week, with their weekly paper counts")
    public TrendingKeywords trending(@QueryParam("weeks") String weeks, @QueryParam("top") String top) {
        return keywordTrends.trending(bounded("weeks", weeks, 8, 2, MAX_WEEKS), bounded("top", top, 20, 1, MAX_ITEMS));
    }

    @GET
    @Path("/keywords/popular")
    @Operation(summary = "The keywords most papers carry, for picking a reader's interests")
    public Map<String, List<KeywordCount>> popular(@QueryParam("n") String n) {
        return Map.of("items", keywordTrends.popular(bounded("n", n, 24, 1, MAX_ITEMS)));
    }

    @GET
    @Path("/keywords/papers")
    @Operation(summary = "The papers that carry exactly this keyword, newest first")
    public Map<String, List<PaperLine>> papersWithKeyword(@QueryParam("term") String term,
                                                          @QueryParam("size") String size) {
        if (term == null || term.isBlank()) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'term' is required.");
        }
        return Map.of("items", keywordTrends.papersWith(term, bounded("size", size, 50, 1, MAX_ITEMS)).stream()
                .map(PaperLine::of).toList());
    }

    @GET
    @Path("/topic-map")
    @Operation(summary = "Every paper on a 2-D projection of the paper vectors, coloured by cluster, clusters labelled")
    public TopicMapView topicMap(@QueryParam("clusters") String clusters) {
        return topicMap.map(clusters == null || clusters.isBlank() ? null
                : bounded("clusters", clusters, 1, 1, config.maxClusters()));
    }

    @GET
    @Path("/reading/daily")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reading events per day and type, and active readers: activity of all readers, for admins")
    public DailyReading readingPerDay(@QueryParam("days") String days) {
        return readingActivity.daily(bounded("days", days, config.days(), 1, MAX_DAYS));
    }

    @GET
    @Path("/papers/{paperId}/reads")
    @Operation(summary = "How often one paper was read, by reading type, and by how many readers")
    public PaperReads paperReads(@PathParam("paperId") String paperId) {
        return readingActivity.ofPaper(Ids.paper("paperId", paperId));
    }

    @GET
    @Path("/pipeline/lag")
    @Operation(summary = "Events waiting for each pipeline consumer group, per topic")
    public PipelineLagReport lag() {
        return pipelineLag.report();
    }

    @GET
    @Path("/index/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the index version now, then again whenever papers arrive")
    public Multi<IndexVersion> indexChanges() {
        return indexWatch.versions();
    }

    private static int bounded(String name, String value, int fallback, int min, int max) {
        return QueryParameters.integer(name, value, fallback, min, max);
    }
}
