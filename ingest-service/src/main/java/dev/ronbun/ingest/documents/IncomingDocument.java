package dev.ronbun.ingest.documents;

import java.util.Optional;

/**
 * A document as it arrived, before parsing.
 *
 * @param name      file name or label given by the sender (used in messages and stored with each summary)
 * @param bytes     the raw bytes as received
 * @param mediaType text/plain, text/markdown or text/html
 * @param format    an explicit shape chosen by the sender, overriding detection
 */
public record IncomingDocument(String name, byte[] bytes, String mediaType, Optional<String> format) {
}
