package dev.ronbun.faults.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Small structured-summary documents (the shape of {@code samples/paper-summaries-*.md}), distinct across runs and
 * series: each paper has an arXiv id {@code 27SS.NNNNN} of its own series {@code SS}. Most documents hold one paper;
 * every twentieth holds three, and every fiftieth also summarises the paper of the document before it again, so
 * the expected state has papers with more than one summary. Papers are short, so embedding stays cheap.
 */
public final class SyntheticCorpus {

    private static final String[] TOPICS = {
            "再送制御", "冪等な書き込み", "トランザクション", "指数バックオフ", "デッドレター", "コンシューマーの遅延",
            "ブローカーの再起動", "データベースの停止", "プロセスの強制終了", "重複排除"};

    private SyntheticCorpus() {
    }

    /** {@code count} documents of series {@code series} (1–99); the same arguments give the same documents. */
    public static List<SyntheticDocument> series(int series, int count) {
        if (series < 1 || series > 99 || count > 30_000) {
            throw new IllegalArgumentException("series 1–99 with at most 30,000 documents");
        }
        List<SyntheticDocument> documents = new ArrayList<>(count);
        int nextPaper = 1;
        for (int d = 0; d < count; d++) {
            List<String> arxivIds = new ArrayList<>();
            int papers = d % 20 == 19 ? 3 : 1;
            for (int p = 0; p < papers; p++) {
                arxivIds.add(arxivId(series, nextPaper++));
            }
            if (d % 50 == 49) {
                arxivIds.add(arxivId(series, nextPaper - papers - 1));
            }
            documents.add(document(series, d, arxivIds));
        }
        return documents;
    }

    private static SyntheticDocument document(int series, int number, List<String> arxivIds) {
        StringBuilder text = new StringBuilder();
        for (int position = 0; position < arxivIds.size(); position++) {
            if (position > 0) {
                text.append("\n---\n\n");
            }
            text.append(paper(series, number, position, arxivIds.get(position)));
        }
        String markdown = text.toString();
        String documentId = sha256(markdown);
        List<ExpectedSummary> summaries = new ArrayList<>();
        for (int position = 0; position < arxivIds.size(); position++) {
            summaries.add(new ExpectedSummary(documentId + "#" + position, "arxiv:" + arxivIds.get(position)));
        }
        return new SyntheticDocument("fault-suite-%02d-%05d.md".formatted(series, number), markdown, documentId,
                summaries);
    }

    private static String paper(int series, int number, int position, String arxivId) {
        String topic = TOPICS[(number + position) % TOPICS.length];
        String other = TOPICS[(number * 7 + position + 3) % TOPICS.length];
        return """
                # Resilient Delivery %s: %s under Faults (series %d, document %d)

                [View Paper](https://arxiv.org/abs/%s)

                ## 1. 先行研究では何ができなかったのか

                %sの途中で障害が起きると、文書 %d の論文が失われたり重複したりした。

                ## 2. どのようなアプローチでそれを解決しようとしたか

                %sと%sを組み合わせ、論文 %s を一度だけ保存する。

                ## 8. この論文を140字以内のツイートで要約すると？

                %sがあっても論文 %s は失われない。
                """.formatted(arxivId, english(topic), series, number, arxivId, topic, number, topic, other,
                arxivId, other, arxivId);
    }

    private static String english(String topic) {
        return "Topic " + Integer.toHexString(topic.hashCode() & 0xffff);
    }

    static String arxivId(int series, int paper) {
        return "27%02d.%05d".formatted(series, paper);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
