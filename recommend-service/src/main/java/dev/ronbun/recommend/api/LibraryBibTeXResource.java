package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.readers.LibraryEntry;
import dev.ronbun.recommend.readers.ReaderLibrary;
import dev.ronbun.recommend.security.ReaderAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reader's library as BibTeX, for a reference manager or a paper's .bib file. */
@Path("/api/readers/{readerId}/library.bib")
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class LibraryBibTeXResource {

    private final PaperIndexReader index;
    private final ReaderLibrary library;
    private final ReaderAccess access;

    public LibraryBibTeXResource(PaperIndexReader index, ReaderLibrary library, ReaderAccess access) {
        this.index = index;
        this.library = library;
        this.access = access;
    }

    @GET
    @Produces({"text/x-bibtex", Problem.MEDIA_TYPE})
    @Operation(summary = "The reader's library (or its papers tagged 'tag') as BibTeX, newest save first; arXiv "
            + "papers as @misc with eprint and archivePrefix")
    public Response bibtex(@PathParam("readerId") String readerId, @QueryParam("tag") String tag) {
        access.require(readerId);
        List<LibraryEntry> entries = library.entries(readerId, RequestParameters.blankToNull(tag));
        Map<String, PaperEvent> papers = index.listings(entries.stream().map(LibraryEntry::paperId).toList());
        List<PaperEvent> listed = entries.stream().map(e -> papers.get(e.paperId())).filter(Objects::nonNull).toList();
        return Response.ok(BibTeX.write(listed), BibTeX.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"ronbun-library.bib\"")
                .build();
    }
}
