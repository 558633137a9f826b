package dev.ronbun.infra.cli;

/** One line of an admin job's progress, and whether the job is still running, done or failed. */
record JobProgress(String line, State state) {

    enum State { RUNNING, DONE, FAILED }

    static JobProgress running(String line) {
        return new JobProgress(line, State.RUNNING);
    }

    static JobProgress done(String line) {
        return new JobProgress(line, State.DONE);
    }

    static JobProgress failed(String line) {
        return new JobProgress(line, State.FAILED);
    }
}
