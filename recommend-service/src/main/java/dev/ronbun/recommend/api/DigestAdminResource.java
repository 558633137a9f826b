package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.digests.DigestRound;
import dev.ronbun.recommend.digests.DigestRoundResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Runs a round of the digest sender now, for operators and tests; admins only. */
@Path("/api/admin/digests")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
public class DigestAdminResource {

    private final DigestRound round;

    public DigestAdminResource(DigestRound round) {
        this.round = round;
    }

    @POST
    @Path("/send")
    @RateLimited
    @Operation(summary = "Send every due digest now (as the schedule would); answers how many were sent, how many"
            + " were due, how many had no new papers (no mail) and how many failed (tried again next round)")
    public DigestRoundResult send() {
        return round.runOnce();
    }
}
