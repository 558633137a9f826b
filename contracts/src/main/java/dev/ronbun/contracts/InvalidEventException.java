package dev.ronbun.contracts;

/** A record on a topic that does not satisfy its contract; the message is the reason given on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
