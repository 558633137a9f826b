package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperSet;
import dev.ronbun.recommend.readers.ReaderProfile;
import dev.ronbun.recommend.readers.ReadingHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A reader's recommendations and feed: loads the profile from PostgreSQL, embeds the reader's chosen keywords through
 * embed-service (when it answers, with the index's model), and ranks with {@link PersonalRanking}.
 */
@ApplicationScoped
public class ReaderRecommendations {

    private final PersonalRanking ranking;
    private final ReadingHistory history;
    private final QueryVectors queryVectors;
    private final PaperIndexReader index;
    private final RecommendConfig config;
    private final Clock clock;

    public ReaderRecommendations(PersonalRanking ranking, ReadingHistory history, QueryVectors queryVectors,
                                 PaperIndexReader index, RecommendConfig config, Clock clock) {
        this.ranking = ranking;
        this.history = history;
        this.queryVectors = queryVectors;
        this.index = index;
        this.config = config;
        this.clock = clock;
    }

    /** The reader's profile as it stands in PostgreSQL: what a ranking (and a cached one's stamp) is made from. */
    public ReaderProfile profile(String readerId) {
        return history.profile(readerId, config.readers().historyLimit());
    }

    public List<Recommendation> recommend(ReaderProfile profile, int k, PaperFilter filter) {
        return rank(profile, k, filter.isEmpty() ? null : filter.papers());
    }

    /**
     * The papers first seen since {@code since} (or, without it, since the reader last marked the feed seen, or
     * within the feed window before that), ranked for the reader. Reading the feed moves nothing: only
     * {@link #markSeen} does, so a fetch that the reader never saw loses no paper.
     */
    public Feed feed(String readerId, Instant since, int k, PaperFilter filter) {
        Instant now = clock.instant();
        Instant from = since != null ? since
                : history.lastVisit(readerId).orElse(now.minus(config.readers().feedWindow()));
        return ranked(readerId, from, now, k, filter);
    }

    /**
     * The Atom feed: the papers first seen within the last {@code ronbun.recommend.feed.window}, ranked for the
     * reader, at most {@code max-entries}. A window rather than a cursor, so fetching it twice gives the same entries
     * and a feed reader's polls never use up papers.
     */
    public Feed window(String readerId, PaperFilter filter) {
        Instant now = clock.instant();
        return ranked(readerId, now.minus(config.feed().window()), now, config.feed().maxEntries(), filter);
    }

    /** Moves the reader's feed cursor to {@code until} (never back, never past now). */
    public Instant markSeen(String readerId, Instant until) {
        Instant now = clock.instant();
        Instant at = until.isAfter(now) ? now : until;
        history.recordVisit(readerId, at);
        return history.lastVisit(readerId).orElse(at);
    }

    private Feed ranked(String readerId, Instant from, Instant now, int k, PaperFilter filter) {
        PaperSet restriction = PaperSet.both(filter.isEmpty() ? null : filter.papers(), PaperSet.firstSeenSince(from));
        return new Feed(rank(profile(readerId), k, restriction), from, now);
    }

    private List<Recommendation> rank(ReaderProfile profile, int k, PaperSet restriction) {
        Supplier<Map<String, Integer>> popularity = () -> history.readersByPaper(
                clock.instant().minus(config.readers().popularityWindow()), config.ranking().candidates());
        return ranking.recommend(profile, keywordVectors(profile), popularity, k, restriction, RankingMode.HYBRID);
    }

    private Map<String, float[]> keywordVectors(ReaderProfile profile) {
        Map<String, float[]> vectors = new HashMap<>();
        Optional<String> model = index.currentModel();
        if (model.isEmpty()) {
            return vectors;
        }
        for (String keyword : profile.keywords()) {
            queryVectors.embed(keyword)
                    .filter(vector -> model.get().equals(vector.modelVersion()))
                    .ifPresent(vector -> vectors.put(keyword, vector.vector()));
        }
        return vectors;
    }
}
