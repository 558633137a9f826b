package dev.ronbun.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Requests a hostile user would send, made from a service's own OpenAPI document: every operation, each path and
 * query parameter in turn given each {@linkplain #VALUES hostile value}, and each request body given hostile JSON or
 * text. Made from the document rather than listed by hand, so an operation added later is tried too.
 */
final class HostileRequests {

    /** One request: method, path with query, and a body with its content type (both null for none). */
    record Request(String method, String pathAndQuery, String contentType, String body) {
        Request at(String target) {
            return new Request(method, target, contentType, body);
        }

        @Override
        public String toString() {
            return method + " " + cut(pathAndQuery) + (body == null ? "" : " [" + contentType + ": " + cut(body) + "]");
        }

        private static String cut(String text) {
            return text.length() > 100 ? text.substring(0, 100) + "…(" + text.length() + " chars)" : text;
        }
    }

    /** Values sent raw after percent-encoding: injections, limits, broken dates, numbers and Unicode. */
    static final List<String> VALUES = List.of("", " ", "\u0000", "../../etc/passwd", "..",
            "'; drop table papers;--", "a".repeat(5000), "😀", "\u202e", "-1", "0", "99999999999999999999", "1e309",
            "NaN", "null", "[]", "{}", "*:*", "title:(", "\"", "\\", "(((((", "a\r\nX-Injected: 1",
            "<script>alert(1)</script>", "2026-13-45", "9999-12-31T99:99", "%", "論文".repeat(300), "AND OR NOT", "~",
            "/", "?");

    /** Values sent as they are: already percent-encoded bytes that are no UTF-8, or that decode to a path escape. */
    static final List<String> ENCODED_VALUES = List.of("%00", "%FF%FE", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd");

    /** A value as a body carries it, and as a URL carries it. */
    private record Value(String raw, String inUrl) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileRequests() {
    }

    /**
     * The requests for one service. {@code skipped} names operations ("METHOD /path") left out because they change
     * what other tests rely on or stream without end; {@code readerId} fills a reader path parameter that is not the
     * one being varied, so a reader's own resources are reached with the other parameters hostile.
     */
    static List<Request> from(JsonNode openApi, Set<String> skipped, String readerId) {
        List<Value> values = new ArrayList<>();
        VALUES.forEach(value -> values.add(new Value(value, encode(value))));
        ENCODED_VALUES.forEach(value -> values.add(new Value(value, value)));
        List<Request> requests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (skipped.contains(method + " " + path.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = StreamSupport.stream(
                        operation.getValue().path("parameters").spliterator(), false).toList();
                List<String> pathParameters = names(parameters, "path");
                List<String> queryParameters = names(parameters, "query");
                List<String> contentTypes = new ArrayList<>();
                operation.getValue().path("requestBody").path("content").fieldNames()
                        .forEachRemaining(contentTypes::add);
                String plain = fill(path.getKey(), pathParameters, null, null, readerId);
                for (Value value : values) {
                    List<Request> untargeted = contentTypes.isEmpty() ? List.of(new Request(method, "", null, null))
                            : contentTypes.stream().flatMap(type -> bodies(value.raw(), type).stream()
                                    .map(body -> new Request(method, "", type, body))).toList();
                    List<String> targets = new ArrayList<>();
                    for (String varied : pathParameters) {
                        targets.add(fill(path.getKey(), pathParameters, varied, value.inUrl(), readerId));
                    }
                    if (pathParameters.isEmpty()) {
                        targets.add(path.getKey());
                    }
                    for (String query : queryParameters) {
                        targets.add(plain + "?" + query + "=" + value.inUrl());
                    }
                    for (String target : targets) {
                        untargeted.forEach(request -> requests.add(request.at(target)));
                    }
                }
            }
        }
        return requests;
    }

    private static List<String> bodies(String value, String contentType) {
        if (!contentType.contains("json")) {
            return List.of(value);
        }
        ObjectNode fields = JSON.createObjectNode();
        for (String field : List.of("url", "name", "paperId", "type", "status", "note", "email", "mode", "cadence")) {
            fields.put(field, value);
        }
        fields.putArray("texts").add(value);
        fields.putArray("tags").add(value);
        fields.putArray("terms").add(value);
        fields.putArray("paperIds").add(value);
        return List.of(value, fields.toString(), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"paperId\":null,\"texts\":null,\"url\":{}}");
    }

    private static List<String> names(List<JsonNode> parameters, String in) {
        return parameters.stream().filter(parameter -> in.equals(parameter.path("in").asText()))
                .map(parameter -> parameter.path("name").asText()).toList();
    }

    /** The path with {@code varied} set to {@code value} and every other parameter to a plain, harmless value. */
    private static String fill(String template, List<String> parameters, String varied, String value,
                               String readerId) {
        String path = template;
        for (String parameter : parameters) {
            String filled;
            if (parameter.equals(varied)) {
                filled = value.isEmpty() ? "%20" : value;
            } else if (parameter.equals("readerId")) {
                filled = readerId;
            } else {
                filled = "hostile-" + parameter;
            }
            path = path.replace("{" + parameter + "}", filled);
        }
        return path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
