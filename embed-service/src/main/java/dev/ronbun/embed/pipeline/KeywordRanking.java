package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.embed.keywords.TermFrequencies;
import dev.ronbun.embed.keywords.TfIdfRanker;
import dev.ronbun.embed.storage.DocumentFrequencyView;
import java.util.List;

/** How a stored paper's keywords are ranked, the same when a summary arrives and when the corpus is ranked again. */
record KeywordRanking(TfIdfRanker ranker, int keywordsPerPaper) {

    KeywordRanking(int keywordsPerPaper) {
        this(new TfIdfRanker(), keywordsPerPaper);
    }

    List<Keyword> rank(DocumentFrequencyView corpus) {
        return ranker.topKeywords(new TermFrequencies(corpus.paperTerms()), corpus, keywordsPerPaper,
                corpus.paperTags());
    }
}
