package dev.ronbun.recommend.readers;

import java.util.List;

/**
 * Everything ranking needs to know about a reader: the papers they interacted with (newest first) and the keywords
 * they chose. Empty signals and keywords mean a cold start.
 */
public record ReaderProfile(String readerId, List<PaperSignal> signals, List<String> keywords) {

    public ReaderProfile {
        signals = List.copyOf(signals);
        keywords = List.copyOf(keywords);
    }

    public boolean isEmpty() {
        return signals.isEmpty() && keywords.isEmpty();
    }
}
