package dev.ronbun.contracts;

/** Whether retrying the work that failed can ever help; {@link FailureClassifier} decides. */
public enum FailureKind {

    /** The record cannot be stored as it is (encoding, constraint, validation, deserialisation): dead-letter it now. */
    PERMANENT,

    /** The database or the broker is unreachable or busy: retry for as long as the outage lasts. */
    TRANSIENT,

    /** Neither is known: retry a few times, then dead-letter with the reason rather than loop. */
    UNKNOWN
}
