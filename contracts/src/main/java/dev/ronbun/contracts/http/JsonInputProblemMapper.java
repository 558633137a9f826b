package dev.ronbun.contracts.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON (or not UTF-8, or nested too deep): 400 problem+json, never a 500. */
@Provider
public class JsonInputProblemMapper implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
        return badJson(exception.getOriginalMessage());
    }

    static Response badJson(String why) {
        Problem problem = Problem.of(400, "malformed-json", "Bad request",
                "The request body is not valid JSON: " + UnsafeText.forLog(why) + ".");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Documents too large or too deep for the parser's limits. */
    @Provider
    public static class Constraints implements ExceptionMapper<StreamConstraintsException> {

        @Override
        public Response toResponse(StreamConstraintsException exception) {
            return badJson(exception.getOriginalMessage());
        }
    }

    /** JSON of the wrong shape for the endpoint (a string where a list goes, say). */
    @Provider
    public static class Mismatch implements ExceptionMapper<MismatchedInputException> {

        @Override
        public Response toResponse(MismatchedInputException exception) {
            return badJson(exception.getOriginalMessage());
        }
    }
}
