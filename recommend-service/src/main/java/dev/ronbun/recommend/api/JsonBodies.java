package dev.ronbun.recommend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.UnsafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies ourselves rather than through the framework's reader, so that any malformed body, whatever
 * went wrong in it, is answered with the same 400 problem+json naming what was expected. Stricter than Jackson's
 * defaults: a fraction is not silently cut to a whole number ({@code "dwellSeconds": 1.5} is refused, not stored as
 * 1), and no string (name or value) may carry a NUL or an unpaired surrogate.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T parse(ObjectMapper json, String body, Class<T> type, String problemType, String expected) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest(problemType, "The request body is empty; send " + expected + ".");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw ProblemException.badRequest(problemType, "The request body is null; send " + expected + ".");
            }
            Optional<String> flaw = unsafeString(tree, "");
            if (flaw.isPresent()) {
                throw ProblemException.badRequest(problemType, flaw.get() + "; send " + expected + ".");
            }
            return json.readerFor(type).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(tree);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(problemType, "The request body is not valid ("
                    + UnsafeText.forLog(e.getOriginalMessage()) + "); send " + expected + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has nothing to fail on
        }
    }

    /** The first string in the tree (a field name or a value) with a NUL or an unpaired surrogate, in words. */
    private static Optional<String> unsafeString(JsonNode node, String path) {
        if (node.isTextual()) {
            return UnsafeText.flaw(node.textValue()).map(flaw -> "'" + UnsafeText.forLog(path) + "' contains " + flaw);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> flaw = unsafeString(node.get(i), path + "[" + i + "]");
                if (flaw.isPresent()) {
                    return flaw;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (UnsafeText.flaw(name).isPresent()) {
                    return Optional.of("a field name contains a NUL or an unpaired surrogate");
                }
                Optional<String> flaw = unsafeString(field.getValue(), path.isEmpty() ? name : path + "." + name);
                if (flaw.isPresent()) {
                    return flaw;
                }
            }
        }
        return Optional.empty();
    }
}
