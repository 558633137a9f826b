package dev.ronbun.recommend.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.digests.DigestFrequency;
import dev.ronbun.recommend.digests.DigestSubscription;
import dev.ronbun.recommend.digests.DigestSubscriptions;
import dev.ronbun.recommend.digests.EmailAddress;
import dev.ronbun.recommend.security.ReaderAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** A reader's email digest setting (issue 20): the reader themself or an admin may read and change it. */
@Path("/api/readers/{readerId}/digest")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.READER, Roles.ADMIN})
public class DigestResource {

    private final DigestSubscriptions subscriptions;
    private final ReaderAccess access;
    private final ObjectMapper json;

    public DigestResource(DigestSubscriptions subscriptions, ReaderAccess access, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.json = json;
    }

    @GET
    @Operation(summary = "The reader's digest setting ({\"email\": null, \"frequency\": \"off\"} until one is set)")
    public DigestSetting get(@PathParam("readerId") String readerId) {
        access.require(readerId);
        return subscriptions.find(readerId).map(DigestResource::setting)
                .orElse(new DigestSetting(null, DigestFrequency.OFF.wireName(), null));
    }

    @PUT
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set where and how often the reader's digest of new recommendations is emailed: one address"
            + " (at most 254 characters) and daily, weekly or off")
    public DigestSetting put(@PathParam("readerId") String readerId,
                             @RequestBody(content = @Content(schema = @Schema(implementation = DigestBody.class)))
                             String body) {
        access.require(readerId);
        DigestBody request = JsonBodies.parse(json, body, DigestBody.class, "malformed-digest", DigestBody.EXPECTED);
        DigestFrequency frequency = DigestFrequency.fromWire(request.frequency()).orElseThrow(() ->
                malformed("frequency", "配信頻度は daily, weekly, off のどれかです (one of daily, weekly, off)"));
        String email = request.email() == null ? null : request.email().strip();
        EmailAddress.flaw(email).ifPresent(flaw -> {
            throw malformed("email", flaw);
        });
        return setting(subscriptions.set(readerId, email, frequency));
    }

    private static DigestSetting setting(DigestSubscription subscription) {
        return new DigestSetting(subscription.email(), subscription.frequency().wireName(),
                subscription.lastSentAt());
    }

    private static ProblemException malformed(String field, String detail) {
        return ProblemException.badRequest("malformed-digest",
                "'" + field + "': " + detail + ". Send " + DigestBody.EXPECTED + ".");
    }
}
