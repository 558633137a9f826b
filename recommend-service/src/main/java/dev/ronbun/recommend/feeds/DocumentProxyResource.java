package dev.ronbun.recommend.feeds;

import dev.ronbun.contracts.ContentHash;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A curator's 削除 on a paper page: forwarded to ingest-service's {@code DELETE /api/documents/{id}} with the caller's
 * token (ingest decides and answers; its problem comes back unchanged), since the web UI talks only to this service.
 */
@Path("/api/documents")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.CURATOR, Roles.ADMIN})
public class DocumentProxyResource {

    private final IngestFeeds ingest;

    public DocumentProxyResource(IngestFeeds ingest) {
        this.ingest = ingest;
    }

    @DELETE
    @Path("/{documentId}")
    @RateLimited
    @Operation(summary = "Retract a document (through ingest-service): its summaries go, papers left without any are"
            + " deleted everywhere within seconds")
    public Response retract(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("documentId") String documentId) {
        // Only a document id (a SHA-256 in hex) ever reaches ingest's URL.
        if (!ContentHash.isHash(documentId)) {
            throw ProblemException.notFound("unknown-document",
                    "No ingested document has this id (a document id is the SHA-256 of its bytes in hex).");
        }
        IngestFeeds.Answer answer = ingest.retractDocument(documentId, authorization);
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body()).type(answer.contentType() == null ? MediaType.APPLICATION_JSON
                    : answer.contentType());
        }
        return response.build();
    }
}
