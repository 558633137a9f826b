package dev.ronbun.contracts.http;

import java.util.regex.Pattern;

/**
 * The shapes of the ids the APIs take: a reader id is 1 to 64 of {@code A-Z a-z 0-9 . _ @ -} (what tokens name as
 * their subject); a paper id 1 to 128 of {@code A-Z a-z 0-9 . _ : -} (papers have UUIDs; anything else of that
 * shape is simply unknown, 404); an event id 1 to 128 of {@code A-Z a-z 0-9 . _ : @ -}. Anything else is a 400
 * problem naming the parameter, before any lookup, so no odd byte reaches a query, a topic or a log.
 */
public final class Ids {

    public static final Pattern READER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    public static final Pattern PAPER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    public static final Pattern EVENT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private Ids() {
    }

    public static String reader(String name, String value) {
        return require(READER, "invalid-reader-id", name, value, "1 to 64 of A-Z a-z 0-9 . _ @ -");
    }

    public static String paper(String name, String value) {
        return require(PAPER, "invalid-paper-id", name, value, "1 to 128 of A-Z a-z 0-9 . _ : -");
    }

    public static String event(String name, String value) {
        return require(EVENT, "invalid-event-id", name, value, "1 to 128 of A-Z a-z 0-9 . _ : @ -");
    }

    private static String require(Pattern shape, String type, String name, String value, String expected) {
        if (value == null || !shape.matcher(value).matches()) {
            throw ProblemException.badRequest(type, "'" + name + "' must be " + expected
                    + (value == null ? "; it is missing." : "; got '" + UnsafeText.forLog(value) + "'."));
        }
        return value;
    }
}
