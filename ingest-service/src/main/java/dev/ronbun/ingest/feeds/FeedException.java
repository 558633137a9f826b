package dev.ronbun.ingest.feeds;

/** Why a feed (or an entry's linked page) could not be fetched or read; the message goes into the feed's status. */
public class FeedException extends Exception {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
