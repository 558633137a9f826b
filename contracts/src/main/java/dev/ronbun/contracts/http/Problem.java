package dev.ronbun.contracts.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}), the one shape every Ronbun API uses for errors.
 *
 * @param type   a URI naming the kind of problem, relative to the API (e.g. {@code /problems/empty-document})
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what was wrong with this request, in words a user can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem("/problems/" + type, title, status, detail, null);
    }
}
