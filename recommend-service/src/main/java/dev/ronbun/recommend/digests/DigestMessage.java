package dev.ronbun.recommend.digests;

import java.util.Map;

/**
 * One digest ready to send: both parts rendered, and the one-click unsubscribe address for the
 * {@code List-Unsubscribe} header (RFC 2369, RFC 8058).
 */
public record DigestMessage(String to, String subject, String text, String html, String unsubscribeUrl) {

    /** The headers that let a mail client offer "unsubscribe" itself, posting to the link without a page. */
    public Map<String, String> listUnsubscribeHeaders() {
        return Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
