package dev.ronbun.recommend.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.pipeline.ReadingEventPublisher;
import dev.ronbun.recommend.readers.LibraryEntry;
import dev.ronbun.recommend.readers.LibraryTags;
import dev.ronbun.recommend.readers.ReaderLibrary;
import dev.ronbun.recommend.readers.ReadingHistory;
import dev.ronbun.recommend.security.ReaderAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The reader's library (issue 20): saved papers with tags and a note. Saving publishes a {@code saved} reading event
 * and removing an {@code unsaved} one, so history and profiles follow the library.
 */
@Path("/api/readers/{readerId}/library")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class LibraryResource {

    private final PaperIndexReader index;
    private final ReaderLibrary library;
    private final ReadingHistory history;
    private final ReadingEventPublisher publisher;
    private final ReaderAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public LibraryResource(PaperIndexReader index, ReaderLibrary library, ReadingHistory history,
                           ReadingEventPublisher publisher, ReaderAccess access, ObjectMapper json, Clock clock) {
        this.index = index;
        this.library = library;
        this.history = history;
        this.publisher = publisher;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    @PUT
    @Path("/{paperId}")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a paper to the reader's library with tags (0-20, 1-40 characters each, trimmed, "
            + "deduplicated ignoring case) and a note (at most 2000 characters); saving again replaces both")
    public LibraryItem save(@PathParam("readerId") String readerId, @PathParam("paperId") String paperId,
                            @RequestBody(content = @Content(schema = @Schema(implementation = LibraryBody.class)))
                            String body) {
        access.require(readerId);
        String id = currentPaper(RequestParameters.paperId(paperId));
        LibraryBody request = JsonBodies.parse(json, body, LibraryBody.class, "malformed-library-entry",
                LibraryBody.EXPECTED);
        LibraryTags.Result tags = LibraryTags.normalise(request.tags());
        tags.flaw().ifPresent(flaw -> {
            throw malformed("tags", flaw);
        });
        String note = RequestParameters.blankToNull(request.note());
        if (note != null && note.codePointCount(0, note.length()) > LibraryTags.MAX_NOTE_LENGTH) {
            throw malformed("note", "at most " + LibraryTags.MAX_NOTE_LENGTH + " characters");
        }
        LibraryEntry entry = library.save(readerId, id, tags.tags(), note);
        publisher.publish(event(readerId, id, ReadingType.SAVED));
        return item(entry, index.listing(id).orElse(null));
    }

    @DELETE
    @Path("/{paperId}")
    @RateLimited
    @Operation(summary = "Take a paper out of the reader's library (204, also when it was not there: removing is "
            + "idempotent, so an undo retried is harmless); an 'unsaved' reading event undoes the save's interest")
    public Response remove(@PathParam("readerId") String readerId, @PathParam("paperId") String paperId) {
        access.require(readerId);
        String id = history.currentPaperId(RequestParameters.paperId(paperId));
        if (library.remove(readerId, id)) {
            publisher.publish(event(readerId, id, ReadingType.UNSAVED));
        }
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "The reader's library, newest save first (only papers tagged 'tag' when given, ignoring "
            + "case), and every tag with how many papers carry it")
    public LibraryResponse list(@PathParam("readerId") String readerId, @QueryParam("tag") String tag) {
        access.require(readerId);
        List<LibraryEntry> all = library.entries(readerId, null);
        String wanted = RequestParameters.blankToNull(tag);
        List<LibraryEntry> shown = wanted == null ? all : all.stream().filter(e -> e.hasTag(wanted)).toList();
        Map<String, PaperEvent> papers = index.listings(shown.stream().map(LibraryEntry::paperId).toList());
        return new LibraryResponse(shown.stream().map(e -> item(e, papers.get(e.paperId()))).toList(),
                ReaderLibrary.tagCounts(all));
    }

    private String currentPaper(String paperId) {
        if (index.listing(paperId).isPresent()) {
            return paperId;
        }
        // a page opened before its paper was merged into another record of the same work names the old id
        String current = history.currentPaperId(paperId);
        if (current.equals(paperId) || index.listing(current).isEmpty()) {
            throw RequestParameters.unknownPaper(paperId);
        }
        return current;
    }

    private ReadingEvent event(String readerId, String paperId, ReadingType type) {
        return new ReadingEvent(ReadingEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), readerId, paperId, type,
                null, clock.instant());
    }

    private static LibraryItem item(LibraryEntry entry, PaperEvent paper) {
        // a saved paper since deleted keeps its place in the library, without a title
        return new LibraryItem(entry.paperId(), paper == null ? null : paper.title(),
                paper == null ? null : paper.titleJa(), paper == null ? null : paper.arxivId(), entry.tags(),
                entry.note(), entry.savedAt());
    }

    private static ProblemException malformed(String field, String detail) {
        return ProblemException.badRequest("malformed-library-entry",
                "'" + field + "': " + detail + ". Send " + LibraryBody.EXPECTED + ".");
    }
}
