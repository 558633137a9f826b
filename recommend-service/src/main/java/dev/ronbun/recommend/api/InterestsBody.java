package dev.ronbun.recommend.api;

import java.util.List;

/** The body of {@code PUT /api/readers/{readerId}/interests}, and its answer. */
public record InterestsBody(List<String> keywords) {

    static final String EXPECTED = "{\"keywords\": [\"拡散モデル\", \"retrieval\"]}";
}
