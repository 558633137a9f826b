package dev.ronbun.contracts.http;

import java.util.List;

/**
 * The roles a token can carry (its {@code groups} claim). A reader reads and writes only their own history,
 * recommendations and feed; a curator ingests documents; an admin runs the jobs and sees every reader.
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    /** Every role, in order of growing power. */
    public static final List<String> ALL = List.of(READER, CURATOR, ADMIN);

    private Roles() {
    }
}
