package dev.ronbun.recommend.digests;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which digest addresses are accepted: one plain ASCII address, as the HTML standard's {@code type=email} checks it
 * (WHATWG's "valid e-mail address"), with a dot in the domain, at most 254 characters (RFC 5321's path limit). No
 * line break, control character, comma or second address can pass, so an address can never add a mail header or a
 * recipient.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /** What is wrong with the address, in Japanese and English; empty when it is accepted. */
    public static Optional<String> flaw(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("メールアドレスがありません (no address)");
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of("メールアドレスが長すぎます: " + MAX_LENGTH + " 文字まで (at most " + MAX_LENGTH
                    + " characters)");
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return Optional.of("メールアドレスに改行や制御文字は使えません (no line breaks or control characters)");
        }
        if (address.chars().anyMatch(c -> c == ',' || c == ';' || c == ' ' || c == '<' || c == '>')
                || address.indexOf('@') != address.lastIndexOf('@')) {
            return Optional.of("メールアドレスは 1 つだけ指定してください (one address only)");
        }
        if (!VALID.matcher(address).matches() || address.indexOf('@') > MAX_LOCAL_PART) {
            return Optional.of("メールアドレスの形式が正しくありません: name@example.com の形で (an address such as"
                    + " name@example.com)");
        }
        return Optional.empty();
    }
}
