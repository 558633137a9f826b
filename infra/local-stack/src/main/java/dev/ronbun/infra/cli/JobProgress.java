package dev.ronbun.infra.cli;

/**
 * Where an admin job stands: running (a phase, how far through it, and a detail to show beside the bar), or done or
 * failed with the line that says how it ended.
 *
 * @param state  running, done or failed
 * @param phase  what is being counted while running ("re-indexing records"); the ending line once done or failed
 * @param done   how many of {@code total} the phase has got through
 * @param total  how many the phase has in all (0 while the job does not know yet)
 * @param detail shown after the bar ("18 papers"); may be empty
 */
record JobProgress(State state, String phase, long done, long total, String detail) {

    enum State { RUNNING, DONE, FAILED }

    static JobProgress running(String phase, long done, long total, String detail) {
        return new JobProgress(State.RUNNING, phase, done, total, detail);
    }

    static JobProgress done(String line) {
        return new JobProgress(State.DONE, line, 0, 0, "");
    }

    static JobProgress failed(String line) {
        return new JobProgress(State.FAILED, line, 0, 0, "");
    }

    /** How the job ended, once it has. */
    String line() {
        return phase;
    }
}
