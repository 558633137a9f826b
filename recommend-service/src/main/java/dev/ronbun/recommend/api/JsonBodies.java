package dev.ronbun.recommend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.http.ProblemException;

/**
 * Reads request bodies ourselves rather than through the framework's reader, so that any malformed body, whatever
 * went wrong in it, is answered with the same 400 problem+json naming what was expected.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T parse(ObjectMapper json, String body, Class<T> type, String problemType, String expected) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest(problemType, "The request body is empty; send " + expected + ".");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ProblemException.badRequest(problemType, "The request body is null; send " + expected + ".");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(problemType,
                    "The request body is not valid (" + e.getOriginalMessage() + "); send " + expected + ".");
        }
    }
}
