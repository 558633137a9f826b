package dev.ronbun.embed.storage;

import java.util.UUID;

/**
 * An arriving summary as the store sees it ({@link StoredPapers#arrival}).
 *
 * @param retracted its document was retracted after this copy was ingested: it must not be stored
 * @param storedIn  the paper it is stored in with a vector of the model version (a redelivery), or null when it is
 *                  to be embedded and stored
 */
public record SummaryArrival(boolean retracted, UUID storedIn) {

    static final SummaryArrival RETRACTED = new SummaryArrival(true, null);
    static final SummaryArrival NEW = new SummaryArrival(false, null);

    static SummaryArrival storedIn(UUID paperId) {
        return new SummaryArrival(false, paperId);
    }

    public boolean isNew() {
        return !retracted && storedIn == null;
    }
}
