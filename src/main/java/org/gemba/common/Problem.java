package org.gemba.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail,
                      List<FieldError> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem(code.type(), code.title(), code.status(), code.name(), detail, null, null);
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), code.name(), detail,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors), null);
    }

    public static Problem internal(String errorId) {
        ErrorCode code = ErrorCode.INTERNAL;
        return new Problem(code.type(), code.title(), code.status(), code.name(),
                "An unexpected error occurred; quote errorId " + errorId + " when reporting it.", null, errorId);
    }
}
