package dev.ronbun.ingest.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.QueryParameters;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.ingest.documents.DocumentIngestion;
import dev.ronbun.ingest.documents.DocumentRetractions;
import dev.ronbun.ingest.documents.IncomingDocument;
import dev.ronbun.ingest.documents.IngestionResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Receives documents over HTTP from curators (and admins); the answer comes after the broker has acknowledged the
 * document's papers. Each caller's documents count against their rate limit.
 */
@Path("/api/documents")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.CURATOR, Roles.ADMIN})
@RateLimited
public class DocumentResource {

    private final DocumentIngestion ingestion;
    private final DocumentRetractions retractions;

    public DocumentResource(DocumentIngestion ingestion, DocumentRetractions retractions) {
        this.ingestion = ingestion;
        this.retractions = retractions;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown", MediaType.TEXT_HTML})
    @Operation(summary = "Ingest one document sent as the request body (UTF-8 text, Markdown or HTML)")
    public Response ingestBody(byte[] body,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @Parameter(description = "file name or label of the document")
                               @QueryParam("name") String name,
                               @Parameter(description = "the document's shape (one of DocumentFormat's wire names, listed by the schema); detected when absent")
                               @QueryParam("format") String format,
                               @Parameter(description = "parse and return the papers without publishing")
                               @QueryParam("dryRun") String dryRunParameter) {
        boolean dryRun = QueryParameters.flag("dryRun", dryRunParameter, false);
        IncomingDocument document = new IncomingDocument(name == null ? "document" : name, body,
                baseMediaType(contentType), Optional.ofNullable(format).filter(f -> !f.isBlank()));
        return answer(ingestion.ingest(document, dryRun), dryRun);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest one uploaded document file (form field 'file')")
    public Response ingestUpload(@RestForm("file") FileUpload file,
                                 @RestForm("format") String format,
                                 @QueryParam("dryRun") String dryRunParameter) {
        boolean dryRun = QueryParameters.flag("dryRun", dryRunParameter, false);
        if (file == null) {
            throw dev.ronbun.contracts.http.ProblemException.badRequest("missing-file",
                    "The multipart request has no form field named 'file'.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IncomingDocument document = new IncomingDocument(file.fileName(), bytes, uploadMediaType(file),
                Optional.ofNullable(format).filter(f -> !f.isBlank()));
        return answer(ingestion.ingest(document, dryRun), dryRun);
    }

    @DELETE
    @Path("{documentId}")
    @Operation(summary = "Retract a document: its summaries go, papers left without summaries are deleted everywhere,"
            + " and the same bytes may be sent again. 202 with the retraction published; 404 for an unknown or"
            + " already retracted document")
    public Response retract(@PathParam("documentId") String documentId) {
        return Response.accepted(retractions.retract(documentId)).build();
    }

    private static Response answer(IngestionResult result, boolean dryRun) {
        int status = dryRun || result.duplicate() ? 200 : 202;
        return Response.status(status).entity(result).build();
    }

    private static String uploadMediaType(FileUpload file) {
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return MediaType.TEXT_HTML;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "text/markdown";
        }
        return baseMediaType(file.contentType());
    }

    private static String baseMediaType(String contentType) {
        if (contentType == null) {
            return MediaType.TEXT_PLAIN;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
