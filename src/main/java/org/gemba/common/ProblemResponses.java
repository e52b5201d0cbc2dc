package org.gemba.common;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the one place that knows their shape on the wire. */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response of(ErrorCode code, String detail) {
        return of(Problem.of(code, detail), Map.of());
    }

    public static Response of(ErrorCode code, String detail, List<FieldError> errors) {
        return of(Problem.of(code, detail, errors), Map.of());
    }

    public static Response of(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }
}
