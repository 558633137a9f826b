package dev.ronbun.contracts.http;

/**
 * Whole-number and true/false query parameters, parsed by us rather than by the framework: JAX-RS answers a value it cannot
 * convert with 404, where a malformed parameter is the client's mistake and gets a 400 problem naming it.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameter as a whole number within [min, max]; {@code fallback} when absent or blank. */
    public static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max, "'" + UnsafeText.forLog(raw) + "'");
        }
        if (value < min || value > max) {
            throw outOfRange(name, min, max, Integer.toString(value));
        }
        return value;
    }

    /**
     * The parameter as {@code true} or {@code false} (any case); {@code fallback} when absent or blank. Anything else
     * is a 400: JAX-RS reads {@code dryRun=yes} as false, which would publish what the caller meant to try.
     */
    public static boolean flag(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("invalid-parameter", "Parameter '" + name
                    + "' must be true or false, got '" + UnsafeText.forLog(raw) + "'.");
        };
    }

    private static ProblemException outOfRange(String name, int min, int max, String got) {
        return ProblemException.badRequest("invalid-parameter",
                "Parameter '" + name + "' must be a whole number between " + min + " and " + max + ", got " + got + ".");
    }
}
