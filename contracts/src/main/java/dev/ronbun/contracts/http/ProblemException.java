package dev.ronbun.contracts.http;

/** Thrown by a service to answer a request with a {@link Problem}; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, type, title, detail);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "Not found", detail);
    }

    public Problem problem() {
        return problem;
    }
}
