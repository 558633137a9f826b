package dev.ronbun.recommend.security;

import dev.ronbun.contracts.http.Ids;
import dev.ronbun.contracts.http.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who may use a reader's history, interests, recommendations and feed: that reader (a reader token whose principal
 * name is the reader id) and admins. Everyone else gets 403, so reader A can never read or write B's.
 */
@RequestScoped
public class ReaderAccess {

    private final SecurityIdentity identity;

    public ReaderAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Returns normally when {@code readerId} is a well-formed reader id (else 400, {@link Ids#reader}) and the caller
     * may act as that reader; throws {@link ForbiddenException} otherwise.
     */
    public void require(String readerId) {
        Ids.reader("readerId", readerId);
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (identity.hasRole(Roles.READER) && identity.getPrincipal().getName().equals(readerId)) {
            return;
        }
        throw new ForbiddenException("This token may only use its own reader's history, interests, recommendations"
                + " and feed.");
    }
}
