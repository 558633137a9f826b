package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.snapshots.IndexSnapshots;
import dev.ronbun.recommend.snapshots.SnapshotManifest;
import dev.ronbun.recommend.snapshots.SnapshotRestore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The index's snapshots: which there are, which this replica started from, and one taken now; admins only. */
@Path("/api/admin/snapshots")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
public class SnapshotResource {

    private final IndexSnapshots snapshots;
    private final SnapshotRestore restore;

    public SnapshotResource(IndexSnapshots snapshots, SnapshotRestore restore) {
        this.snapshots = snapshots;
        this.restore = restore;
    }

    @GET
    @Operation(summary = "The snapshot store, the snapshots in it (newest first) and the one this replica restored")
    public SnapshotListing list() {
        return new SnapshotListing(snapshots.location().orElse(null), restore.restored().orElse(null),
                snapshots.list());
    }

    @POST
    @RateLimited
    @Operation(summary = "Publish a snapshot of this replica's index now; 201 with its manifest, 409 when no store is "
            + "configured or the index is not complete yet")
    public Response publish() {
        SnapshotManifest manifest = snapshots.publish(true).orElseThrow(() -> new ProblemException(409,
                "index-incomplete", "Conflict", "The index is still being filled by a replay; try again when "
                + "GET /api/admin/reindex says done."));
        return Response.status(Response.Status.CREATED).entity(manifest).type(MediaType.APPLICATION_JSON).build();
    }

    /** {@code store} is null when snapshots are off. */
    public record SnapshotListing(String store, SnapshotRestore.RestoredSnapshot restored,
                                  List<SnapshotManifest> snapshots) {
    }
}
