package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.recommend.status.SystemStatus;
import dev.ronbun.recommend.status.SystemStatuses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Whether every service is ready, for the web UI's header; any signed-in role may ask. */
@Path("/api/status")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class StatusResource {

    private final SystemStatuses statuses;

    public StatusResource(SystemStatuses statuses) {
        this.statuses = statuses;
    }

    @GET
    @Operation(summary = "Readiness of ingest-, embed- and recommend-service (each one's /q/health/ready); "
            + "notReady names those that are not")
    public SystemStatus status() {
        return statuses.current();
    }
}
