package dev.ronbun.recommend.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.contracts.http.Ids;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.RateLimiter;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.pipeline.ReadingEventPublisher;
import dev.ronbun.recommend.ranking.Feed;
import dev.ronbun.recommend.ranking.ReaderRecommendations;
import dev.ronbun.recommend.readers.FeedUrls;
import dev.ronbun.recommend.readers.HistoryEntry;
import dev.ronbun.recommend.readers.LibraryEntry;
import dev.ronbun.recommend.readers.ReaderData;
import dev.ronbun.recommend.readers.ReaderLibrary;
import dev.ronbun.recommend.readers.ReaderProfile;
import dev.ronbun.recommend.readers.ReadingHistory;
import dev.ronbun.recommend.security.ReaderAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Readers: what they read, what they are interested in, and what to read next. Each reader sees and changes only
 * their own (admins any reader's); writes count against the caller's rate limit.
 */
@Path("/api/readers/{readerId}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class ReaderResource {

    private static final int MAX_KEYWORDS = 20;
    private static final int MAX_KEYWORD_LENGTH = 100;

    private final PaperIndexReader index;
    private final ReadingEventPublisher publisher;
    private final ReadingHistory history;
    private final ReaderRecommendations recommendations;
    private final RecommendConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReaderAccess access;
    private final ServedResults served;
    private final RateLimiter limiter;
    private final SecurityIdentity caller;
    private final FeedUrls feedUrls;
    private final ReaderLibrary library;
    private final ReaderData readerData;

    public ReaderResource(PaperIndexReader index, ReadingEventPublisher publisher, ReadingHistory history,
                          ReaderRecommendations recommendations, RecommendConfig config, ObjectMapper json,
                          Clock clock, ReaderAccess access, ServedResults served, RateLimiter limiter,
                          SecurityIdentity caller, FeedUrls feedUrls, ReaderLibrary library, ReaderData readerData) {
        this.readerData = readerData;
        this.feedUrls = feedUrls;
        this.library = library;
        this.served = served;
        this.limiter = limiter;
        this.caller = caller;
        this.access = access;
        this.index = index;
        this.publisher = publisher;
        this.history = history;
        this.recommendations = recommendations;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Path("/events")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the reader opened, read, saved, liked or dismissed a paper, asked for less of "
            + "its topic (less_of_topic) or undid a dismissal (undismissed); published to "
            + "ronbun.reading-events.v1 and folded into the reader's history asynchronously (202)")
    public Response record(@PathParam("readerId") String readerId,
                           @RequestBody(content = @Content(schema = @Schema(implementation = ReadingEventRequest.class)))
                           String body) {
        access.require(readerId);
        ReadingEventRequest request = JsonBodies.parse(json, body, ReadingEventRequest.class,
                "malformed-reading-event", ReadingEventRequest.EXPECTED);
        ReadingEvent event = toEvent(readerId, request);
        if (index.listing(event.paperId()).isEmpty()) {
            // A page opened before its paper was merged into another record of the same work names the old id.
            String current = history.currentPaperId(event.paperId());
            if (current.equals(event.paperId()) || index.listing(current).isEmpty()) {
                throw RequestParameters.unknownPaper(event.paperId());
            }
            event = new ReadingEvent(event.schemaVersion(), event.eventId(), event.readerId(), current, event.type(),
                    event.dwellSeconds(), event.at());
        }
        publisher.publish(event);
        return Response.accepted(event).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "The reader's events, newest first")
    public Items<HistoryItem> history(@PathParam("readerId") String readerId, @QueryParam("limit") String limit) {
        access.require(readerId);
        int count = RequestParameters.bounded("limit", limit, 50, 1, 1000);
        List<HistoryEntry> entries = history.history(readerId, count);
        Map<String, PaperEvent> papers = index.listings(
                entries.stream().map(HistoryEntry::paperId).distinct().toList());
        return Items.of(entries.stream().map(entry -> new HistoryItem(entry.eventId(), entry.paperId(),
                papers.containsKey(entry.paperId()) ? PaperDocuments.displayTitle(papers.get(entry.paperId())) : null,
                entry.type(), entry.dwellSeconds(), entry.at())).toList());
    }

    @GET
    @Path("/recommendations")
    @Operation(summary = "Personal recommendations from the reader's interests (clusters of their history and chosen "
            + "keywords), excluding what they read or dismissed; recent and widely read papers on a cold start. "
            + "With tag=, recommendations for one tag of the reader's library: its papers are the profile")
    public Items<RecommendedItem> recommendations(@PathParam("readerId") String readerId, @QueryParam("k") String k,
                                                  @QueryParam("kind") String kind,
                                                  @QueryParam("format") String format,
                                                  @QueryParam("presenter") String presenter,
                                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                                  @QueryParam("tag") String tag) {
        access.require(readerId);
        int count = RequestParameters.bounded("k", k, config.defaultK(), 1, config.maxK());
        PaperFilter filter = RequestParameters.filter(kind, format, presenter, from, to);
        String libraryTag = RequestParameters.blankToNull(tag);
        if (libraryTag != null) {
            return Items.of(tagRecommendations(readerId, libraryTag, count, filter));
        }
        ReaderProfile profile = recommendations.profile(readerId);
        Thread requestThread = Thread.currentThread();
        return Items.of(served.recommendations(profile, count, filter, () -> {
            // A ranking computed for this request (a cache miss) counts against the caller's compute allowance;
            // a background refresh of an aged entry (another thread) does not.
            if (Thread.currentThread() == requestThread) {
                limiter.require(RateLimiter.Limit.COMPUTE, caller, 1);
            }
            return recommendations.recommend(profile, count, filter).stream().map(RecommendedItem::of).toList();
        }));
    }

    /**
     * arxiv-sanity's per-tag recommendations: the papers under the tag stand for the reader. Not cached (the shared
     * cache is keyed by reader), so each counts against the caller's compute allowance.
     */
    private List<RecommendedItem> tagRecommendations(String readerId, String tag, int count, PaperFilter filter) {
        List<LibraryEntry> tagged = library.entries(readerId, tag);
        if (tagged.isEmpty()) {
            throw ProblemException.notFound("unknown-tag", "No paper in this reader's library is tagged '"
                    + tag + "'.");
        }
        limiter.require(RateLimiter.Limit.COMPUTE, caller, 1);
        return recommendations.recommend(ReaderLibrary.tagProfile(readerId, tagged), count, filter).stream()
                .map(RecommendedItem::of).toList();
    }

    @PUT
    @Path("/interests")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose keywords or topics; each becomes an interest of its own (BM25 and, when "
            + "embed-service answers, its query vector)")
    public InterestsBody putInterests(@PathParam("readerId") String readerId,
                                      @RequestBody(content = @Content(schema = @Schema(implementation = InterestsBody.class)))
                                      String body) {
        access.require(readerId);
        InterestsBody request = JsonBodies.parse(json, body, InterestsBody.class, "malformed-interests",
                InterestsBody.EXPECTED);
        if (request.keywords() == null || request.keywords().size() > MAX_KEYWORDS) {
            throw ProblemException.badRequest("malformed-interests",
                    "Send between 0 and " + MAX_KEYWORDS + " keywords as " + InterestsBody.EXPECTED + ".");
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (String keyword : request.keywords()) {
            if (keyword == null || keyword.isBlank() || keyword.strip().length() > MAX_KEYWORD_LENGTH) {
                throw ProblemException.badRequest("malformed-interests",
                        "Every keyword must be non-blank text of at most " + MAX_KEYWORD_LENGTH + " characters.");
            }
            keywords.add(keyword.strip());
        }
        return new InterestsBody(history.replaceInterests(readerId, List.copyOf(keywords)));
    }

    @GET
    @Path("/interests")
    @Operation(summary = "The keywords the reader chose")
    public InterestsBody interests(@PathParam("readerId") String readerId) {
        access.require(readerId);
        return new InterestsBody(history.interests(readerId));
    }

    @GET
    @Path("/feed")
    @Operation(summary = "Papers first seen since the point the reader last marked seen (POST feed/seen), or since=, "
            + "ranked for the reader; reading it moves nothing. As Atom with Accept: application/atom+xml")
    public FeedResponse feed(@PathParam("readerId") String readerId, @QueryParam("since") String since,
                             @QueryParam("k") String k, @QueryParam("kind") String kind,
                             @QueryParam("format") String format, @QueryParam("presenter") String presenter) {
        access.require(readerId);
        Instant from = RequestParameters.instant("since", since);
        int count = RequestParameters.bounded("k", k, 2 * config.defaultK(), 1, config.maxK());
        Feed feed = recommendations.feed(readerId, from, count,
                RequestParameters.filter(kind, format, presenter, null, null));
        return new FeedResponse(feed.items().stream().map(RecommendedItem::of).toList(), feed.since(), feed.until());
    }

    @POST
    @Path("/feed/seen")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the feed seen up to 'until' (an ISO-8601 time, usually the feed's 'until'): the next "
            + "GET feed without since= starts there. The cursor never moves back")
    public SeenBody seen(@PathParam("readerId") String readerId,
                         @RequestBody(content = @Content(schema = @Schema(implementation = SeenBody.class)))
                         String body) {
        access.require(readerId);
        SeenBody request = JsonBodies.parse(json, body, SeenBody.class, "malformed-seen", SeenBody.EXPECTED);
        if (request.until() == null) {
            throw ProblemException.badRequest("malformed-seen", "'until' is required: send " + SeenBody.EXPECTED + ".");
        }
        Instant until;
        try {
            until = RequestParameters.instant("until", request.until());
        } catch (ProblemException e) {
            throw ProblemException.badRequest("malformed-seen",
                    "'until' must be an ISO-8601 date-time like 2026-01-31T09:00:00Z.");
        }
        return new SeenBody(recommendations.markSeen(readerId, until).toString());
    }

    @GET
    @Path("/feed")
    @Produces(AtomFeed.MEDIA_TYPE)
    @Operation(summary = "The reader's Atom feed: the newest ranked papers of recent days, the same on every fetch")
    public Response feedAsAtom(@PathParam("readerId") String readerId, @QueryParam("kind") String kind,
                               @QueryParam("format") String format, @QueryParam("presenter") String presenter,
                               @Context UriInfo uri) {
        access.require(readerId);
        limiter.require(RateLimiter.Limit.COMPUTE, caller, 1);
        Feed feed = recommendations.window(readerId, RequestParameters.filter(kind, format, presenter, null, null));
        return Response.ok(AtomFeed.write(readerId, feed, uri.getBaseUri()), AtomFeed.MEDIA_TYPE + ";charset=UTF-8")
                .build();
    }

    @GET
    @Path("/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    @Operation(summary = "The reader's Atom feed, for clients that cannot set Accept (feed readers: use feed-url)")
    public Response feedAtom(@PathParam("readerId") String readerId, @QueryParam("kind") String kind,
                             @QueryParam("format") String format, @QueryParam("presenter") String presenter,
                             @Context UriInfo uri) {
        return feedAsAtom(readerId, kind, format, presenter, uri);
    }

    @POST
    @Path("/feed-url")
    @RateLimited
    @Operation(summary = "Issue a secret Atom feed URL that needs no header, for feed readers; replaces the old one")
    public FeedUrlBody issueFeedUrl(@PathParam("readerId") String readerId, @Context UriInfo uri) {
        access.require(readerId);
        String token = feedUrls.issue(readerId);
        return new FeedUrlBody(uri.getBaseUri().resolve(SecretFeedResource.path(token)).toString());
    }

    @DELETE
    @Path("/feed-url")
    @RateLimited
    @Operation(summary = "Revoke the reader's secret feed URL (it then answers 404)")
    public Response revokeFeedUrl(@PathParam("readerId") String readerId) {
        access.require(readerId);
        feedUrls.revoke(readerId);
        return Response.noContent().build();
    }

    @DELETE
    @RateLimited
    @Operation(summary = "Erase everything stored about the reader: history, profile and interests, library, feed URL"
            + " (and any later per-reader data); reading events of before the erasure still on the topic are ignored."
            + " 204, also when nothing was stored")
    public Response erase(@PathParam("readerId") String readerId) {
        access.require(readerId);
        readerData.erase(readerId);
        return Response.noContent().build();
    }

    @GET
    @Path("/export")
    @Operation(summary = "All data stored about the reader as one JSON document (history, profile, interests,"
            + " library with tags and notes, whether a feed URL exists — never its secret)")
    public Response export(@PathParam("readerId") String readerId) {
        access.require(readerId);
        return Response.ok(readerData.export(readerId), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"ronbun-reader-data.json\"").build();
    }

    private ReadingEvent toEvent(String readerId, ReadingEventRequest request) {
        if (request.paperId() == null || request.paperId().isBlank()) {
            throw malformed("'paperId' is required");
        }
        String paperId = Ids.paper("paperId", request.paperId().strip());
        if (request.type() == null) {
            throw malformed("'type' is required");
        }
        ReadingType type;
        try {
            type = ReadingType.fromWire(request.type());
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        ReadingEvent.flaw(request.dwellSeconds(), null, clock.instant()).ifPresent(flaw -> {
            throw malformed(flaw);
        });
        String eventId = request.eventId() == null ? UUID.randomUUID().toString()
                : Ids.event("eventId", request.eventId().strip());
        Instant now = clock.instant();
        Instant at;
        try {
            at = request.at() == null ? now : RequestParameters.instant("at", request.at());
        } catch (ProblemException e) {
            throw malformed("'at' must be an ISO-8601 date-time like 2026-01-31T09:00:00Z");
        }
        ReadingEvent.flaw(null, at, now).ifPresent(flaw -> {
            throw malformed(flaw);
        });
        return new ReadingEvent(ReadingEvent.SCHEMA_VERSION, eventId, readerId, paperId, type,
                request.dwellSeconds(), at);
    }

    private static ProblemException malformed(String detail) {
        return ProblemException.badRequest("malformed-reading-event",
                "Malformed reading event: " + detail + ". Send " + ReadingEventRequest.EXPECTED + ".");
    }
}
