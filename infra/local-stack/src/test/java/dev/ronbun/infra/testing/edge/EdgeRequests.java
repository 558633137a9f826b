package dev.ronbun.infra.testing.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests at a service's HTTP edge, from a seed: real paths with odd ids, random bytes percent-encoded or
 * raw in paths and query values, well-formed, malformed and random Content-Type, Accept and Authorization headers,
 * random and nearly-valid JSON bodies with NUL and lone-surrogate escapes. What the HTTP framing itself cannot
 * carry (spaces, CR, LF and other control bytes in the request line or a header) is left out: the codec refuses
 * that before any application code sees it.
 */
public final class EdgeRequests {

    /** One request, printable for a failure message. */
    public record Request(String method, byte[] target, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            return method + " " + new String(target, StandardCharsets.ISO_8859_1) + " " + headers + " body="
                    + (body == null ? "none" : body.length + " bytes: "
                    + new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1));
        }
    }

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "POST", "PUT", "DELETE",
            "PATCH", "HEAD", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain; charset=UTF-8",
            "text/markdown", "text/html", "multipart/form-data; boundary=xyz", "multipart/form-data; boundary=",
            "multipart/form-data", "text/", "text", "/", "text/;;;", "application/json; charset=nope",
            "application/json; charset=\"", "*/*", "application/xml", "image/png", ";", "a/b/c", "text/plain;;a=b");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "application/atom+xml",
            "text/html", "image/png", "text/", "/", ";", "application/json;q=abc", "*/json", ",,,", "a/b;=");
    private static final List<String> SEGMENTS = List.of("fuzz-reader", "%00", "a%00b", "%ED%A0%80", "%C0%80", "%FF",
            "%", "%zz", "%2", "..", "%2F", "%2e%2e", "x%0Ay", "%E3%81%82", "p-1", "", "-1", "1.5", "2147483648",
            "abc", "0", "99999999999999999999", "%20", "+", "null", "true");

    private final Random random;
    private final List<String> paths;
    private final List<String> parameters;
    private final List<String> tokens;

    /**
     * @param paths      the service's paths, with {@code {id}} where an id goes
     * @param parameters the query parameter names it knows
     * @param tokens     valid tokens of several roles
     */
    public EdgeRequests(long seed, List<String> paths, List<String> parameters, List<String> tokens) {
        this.random = new Random(seed);
        this.paths = paths;
        this.parameters = parameters;
        this.tokens = tokens;
    }

    public Request next() {
        String method = pick(METHODS);
        StringBuilder target = new StringBuilder();
        if (random.nextInt(10) == 0) {
            target.append('/').append(segment()).append('/').append(segment());
        } else {
            String path = pick(paths);
            while (path.contains("{id}")) {
                path = path.replaceFirst("\\{id}", java.util.regex.Matcher.quoteReplacement(segment()));
            }
            target.append(path);
        }
        int parameterCount = random.nextInt(4);
        for (int i = 0; i < parameterCount; i++) {
            target.append(i == 0 ? '?' : '&').append(random.nextInt(5) == 0 ? segment() : pick(parameters))
                    .append('=').append(segment());
        }
        ByteArrayOutputStream targetBytes = new ByteArrayOutputStream();
        targetBytes.writeBytes(target.toString().getBytes(StandardCharsets.UTF_8));
        if (random.nextInt(15) == 0) {
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                targetBytes.write(0x80 + random.nextInt(0x80)); // raw, not percent-encoded
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        switch (random.nextInt(5)) {
            case 0 -> { }
            case 1 -> headers.put("Authorization", "Bearer " + printable(1 + random.nextInt(60)));
            case 2 -> headers.put("Authorization", printable(random.nextInt(30)));
            default -> headers.put("Authorization", "Bearer " + pick(tokens));
        }
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> headers.put("Content-Type", printable(random.nextInt(40)));
            default -> headers.put("Content-Type", pick(CONTENT_TYPES));
        }
        switch (random.nextInt(4)) {
            case 0 -> headers.put("Accept", printable(random.nextInt(30)));
            case 1 -> headers.put("Accept", pick(ACCEPTS));
            default -> { }
        }
        byte[] body = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> bytes(random.nextInt(3000));
            default -> json().getBytes(StandardCharsets.UTF_8);
        };
        return new Request(method, targetBytes.toByteArray(), headers, body);
    }

    private String json() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"keywords\":[" + jsonString() + "," + jsonString() + "]}";
            case 1 -> "{\"texts\":[" + jsonString() + "],\"mode\":" + jsonString() + "}";
            case 2 -> "{\"paperId\":" + jsonString() + ",\"type\":\"read\",\"dwellSeconds\":" + pick(SEGMENTS)
                    + ",\"at\":" + jsonString() + ",\"eventId\":" + jsonString() + "}";
            case 3 -> "{" + jsonString() + ":" + jsonString() + "}";
            case 4 -> "[" + "[".repeat(random.nextInt(3000)) + "]";
            default -> jsonString();
        };
    }

    private String jsonString() {
        StringBuilder text = new StringBuilder("\"");
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append("\\u0000");
                case 1 -> text.append("\\ud800");
                case 2 -> text.append("\\udc00x");
                case 3 -> text.append(String.format("\\u%04x", random.nextInt(0x10000)));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.append('"').toString();
    }

    private String segment() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(SEGMENTS);
            case 1 -> {
                StringBuilder encoded = new StringBuilder();
                for (byte b : bytes(1 + random.nextInt(12))) {
                    encoded.append(String.format("%%%02X", b & 0xff));
                }
                yield encoded.toString();
            }
            case 2 -> "x".repeat(random.nextInt(3) == 0 ? 70 + random.nextInt(300) : 1 + random.nextInt(10));
            default -> {
                StringBuilder safe = new StringBuilder();
                String alphabet = "abcXYZ019-._~!$&'()*+,;=:@";
                for (int i = 0; i < 1 + random.nextInt(16); i++) {
                    safe.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                yield safe.toString();
            }
        };
    }

    private String printable(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
        }
        return text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
