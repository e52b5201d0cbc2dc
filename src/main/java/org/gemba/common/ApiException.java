package org.gemba.common;

import java.util.List;
import java.util.Map;

/**
 * A refusal the client can act on: carries the contract's error code, never an HTTP type.
 * Services throw it; {@link ProblemMappers} turns it into problem+json.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }

    /** A single wrong field: 422 VALIDATION_FAILED naming it. */
    public static ApiException invalid(String field, String message) {
        return invalid(ErrorCode.VALIDATION_FAILED, field, message);
    }

    public static ApiException invalid(ErrorCode code, String field, String message) {
        return new ApiException(code, field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
