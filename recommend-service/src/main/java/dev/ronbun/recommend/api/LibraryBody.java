package dev.ronbun.recommend.api;

import java.util.List;

/** The body of {@code PUT /api/readers/{readerId}/library/{paperId}}. */
public record LibraryBody(List<String> tags, String note) {

    static final String EXPECTED = "{\"tags\": [\"状態空間モデル\", \"to-read\"], \"note\": \"第3節を読む\"}";
}
