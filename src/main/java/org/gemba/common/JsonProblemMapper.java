package org.gemba.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns Jackson's failures into the contract's codes: not JSON (or not an object at the top)
 * is 400 MALFORMED_JSON; an unknown field is 422 UNKNOWN_FIELD; a field of the wrong type or
 * format (e.g. 2026-02-30, an unknown enum value) is 422 VALIDATION_FAILED naming the field.
 */
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        ApiException wrapped = findApiException(e);
        if (wrapped != null) {
            return new ApiExceptionMapper().toResponse(wrapped);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return ProblemResponses.of(ErrorCode.UNKNOWN_FIELD, "unknown field '" + field + "'",
                    List.of(new FieldError(field, "unknown field")));
        }
        if (e instanceof JsonParseException || e instanceof JsonEOFException) {
            return malformed();
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, field + ": " + describe(m),
                    List.of(new FieldError(field, describe(m))));
        }
        return malformed();
    }

    private static Response malformed() {
        return ProblemResponses.of(ErrorCode.MALFORMED_JSON, "The body must be a JSON object.");
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "has an invalid value for type " + simpleName(target);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "has an invalid value";
        }
        if (e instanceof MismatchedInputException mi) {
            Class<?> target = mi.getTargetType();
            return target == null ? "has the wrong type" : "must be of type " + simpleName(target);
        }
        if (e.getCause() instanceof java.time.DateTimeException) {
            return "is not a valid date or time";
        }
        return "has an invalid value";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> "instant (ISO-8601 with offset)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "LocalDateTime" -> "local date-time (YYYY-MM-DDTHH:MM)";
            case "Integer", "int", "Long", "long" -> "integer";
            case "BigDecimal", "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "List", "Set" -> "array";
            default -> type.getSimpleName();
        };
    }

    /** The JSON path of the failing field, e.g. {@code trainings[2]} or {@code address.line1}. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static ApiException findApiException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }
}
