package org.gemba.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ParamException;

/**
 * Jersey's own refusals (unknown route, 405, 415, 406, role checks, bad parameters) as
 * problem+json, keeping headers such as {@code Allow} and {@code WWW-Authenticate}.
 */
public class WebProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original != null && original.getEntity() instanceof Problem) {
            return original;
        }
        if (e instanceof ParamException.PathParamException) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, "Not found");
        }
        if (e instanceof ParamException p) {
            String field = p.getParameterName();
            return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, field + ": has an invalid value",
                    List.of(new FieldError(field, "has an invalid value")));
        }
        int status = original == null ? 500 : original.getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        String detail = switch (code) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "The requested representation is not available";
            case FORBIDDEN -> "Your roles do not allow this";
            case UNAUTHENTICATED -> "Authentication required";
            default -> code.title();
        };
        Map<String, String> headers = new HashMap<>();
        if (original != null) {
            copy(original.getHeaders(), "Allow", headers);
            copy(original.getHeaders(), "WWW-Authenticate", headers);
            copy(original.getHeaders(), "Retry-After", headers);
        }
        return ProblemResponses.of(Problem.of(code, detail), headers);
    }

    private static void copy(MultivaluedMap<String, Object> from, String name, Map<String, String> to) {
        List<Object> values = from.get(name);
        if (values != null && !values.isEmpty()) {
            to.put(name, String.join(", ", values.stream().map(String::valueOf).toList()));
        }
    }
}
