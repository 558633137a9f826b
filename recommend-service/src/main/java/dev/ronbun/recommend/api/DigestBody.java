package dev.ronbun.recommend.api;

/** The body of {@code PUT /api/readers/{readerId}/digest}. */
public record DigestBody(String email, String frequency) {

    static final String EXPECTED = "{\"email\": \"aoi@example.com\", \"frequency\": \"daily\"} (frequency: daily,"
            + " weekly or off)";
}
