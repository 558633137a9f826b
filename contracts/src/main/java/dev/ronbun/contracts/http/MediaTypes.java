package dev.ronbun.contracts.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict checks of the {@code Content-Type} and {@code Accept} headers (RFC 9110 media types), so that the framework
 * only ever sees headers it can parse: a malformed one used to surface as a 500 from deep inside content negotiation.
 */
final class MediaTypes {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]");

    private MediaTypes() {
    }

    /** What is wrong with a Content-Type, or empty when it is well-formed (absent counts as well-formed). */
    static Optional<String> contentTypeFlaw(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        Optional<String> flaw = typeFlaw(parts[0], false);
        if (flaw.isPresent()) {
            return flaw;
        }
        String boundary = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0 || !TOKEN.matcher(parameter.substring(0, equals).strip()).matches()) {
                return Optional.of("its parameter '" + UnsafeText.forLog(parameter) + "' is not name=value");
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).strip();
            if (!TOKEN.matcher(value).matches() && !QUOTED.matcher(value).matches()) {
                return Optional.of("the value of its parameter '" + name + "' is neither a token nor quoted");
            }
            String unquoted = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            if (name.equals("charset") && !supported(unquoted)) {
                return Optional.of("charset '" + UnsafeText.forLog(unquoted) + "' is not one this server knows");
            }
            if (name.equals("boundary")) {
                boundary = unquoted;
            }
        }
        if (parts[0].strip().toLowerCase(Locale.ROOT).startsWith("multipart/")
                && (boundary == null || !BOUNDARY.matcher(boundary).matches())) {
            return Optional.of("a multipart body needs a boundary of 1 to 70 characters (RFC 2046)");
        }
        return Optional.empty();
    }

    /** What is wrong with an Accept header, or empty when it is well-formed (absent counts as well-formed). */
    static Optional<String> acceptFlaw(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String range : header.split(",", -1)) {
            if (range.isBlank()) {
                continue;
            }
            String[] parts = range.split(";", -1);
            Optional<String> flaw = typeFlaw(parts[0], true);
            if (flaw.isPresent()) {
                return flaw;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                int equals = parameter.indexOf('=');
                if (equals <= 0 || !TOKEN.matcher(parameter.substring(0, equals).strip()).matches()) {
                    return Optional.of("its parameter '" + UnsafeText.forLog(parameter) + "' is not name=value");
                }
                String name = parameter.substring(0, equals).strip();
                String value = parameter.substring(equals + 1).strip();
                if (name.equalsIgnoreCase("q") ? !value.matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)")
                        : !TOKEN.matcher(value).matches() && !QUOTED.matcher(value).matches()) {
                    return Optional.of("the value of its parameter '" + UnsafeText.forLog(name) + "' is malformed");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> typeFlaw(String mediaType, boolean wildcards) {
        String text = mediaType.strip();
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return Optional.of("'" + UnsafeText.forLog(text) + "' is not of the form type/subtype");
        }
        String type = text.substring(0, slash);
        String subtype = text.substring(slash + 1);
        if (!TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches()
                || (!wildcards && (type.equals("*") || subtype.equals("*")))
                || (type.equals("*") && !subtype.equals("*"))) {
            return Optional.of("'" + UnsafeText.forLog(text) + "' is not a valid media type");
        }
        return Optional.empty();
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
