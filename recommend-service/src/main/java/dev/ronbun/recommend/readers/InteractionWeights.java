package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.events.ReadingType;

/**
 * How much interest each kind of event shows. Opening is a weak signal, reading a normal one (a long read a little
 * more), saving and liking strong ones; dismissing shows none and instead marks the paper as pushed away.
 */
public final class InteractionWeights {

    /** A read of ten minutes or more adds this much. */
    private static final double LONG_READ_BONUS = 0.5;
    private static final int LONG_READ_SECONDS = 600;

    private InteractionWeights() {
    }

    public static double of(ReadingType type, Integer dwellSeconds) {
        return switch (type) {
            case OPENED -> 0.5;
            case READ -> 1.0 + (dwellSeconds == null ? 0
                    : LONG_READ_BONUS * Math.min(1.0, dwellSeconds / (double) LONG_READ_SECONDS));
            case SAVED -> 1.5;
            case LIKED -> 2.0;
            // the undos show nothing themselves: ReadingHistory refolds the paper's other events without what they undo
            case DISMISSED, UNSAVED, LESS_OF_TOPIC, UNDISMISSED -> 0.0;
        };
    }
}
