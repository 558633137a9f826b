package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.http.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The document shapes and their Japanese names, for the UI's labels and filters; any signed-in role may ask. */
@Path("/api/formats")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DocumentFormatsResource {

    /** One document shape: its wire name (the {@code format} of events and filters) and the name readers see. */
    public record Format(String id, String label) {
    }

    private static final List<Format> FORMATS = Arrays.stream(DocumentFormat.values())
            .map(format -> new Format(format.wireName(), format.label())).toList();

    @GET
    @Operation(summary = "The document formats ingest-service recognises, in order, each with its Japanese name")
    public List<Format> formats() {
        return FORMATS;
    }
}
