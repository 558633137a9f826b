package dev.ronbun.faults.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Stops a stack's parts in order, each tried even when one before it failed (a broker that will not stop must not
 * leave PostgreSQL running); the first failure is thrown at the end.
 */
final class StopSteps {

    private StopSteps() {
    }

    /** Runs every step that is not null, in order. */
    static void runAll(Runnable... steps) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : steps) {
            if (step == null) {
                continue;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
