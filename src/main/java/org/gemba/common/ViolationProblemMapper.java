package org.gemba.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Bean Validation failures: 422 VALIDATION_FAILED with each field named as the client sent it. */
public class ViolationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        Set<FieldError> errors = new LinkedHashSet<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        List<FieldError> list = new ArrayList<>(errors);
        list.sort(java.util.Comparator.comparing(FieldError::field));
        String detail = list.isEmpty() ? "invalid request"
                : list.get(0).field() + ": " + list.get(0).message();
        return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, detail, list);
    }

    /**
     * Drops the method and argument nodes Jersey adds ({@code create.arg0.email}) and keeps the
     * field path the client knows ({@code email}); a query parameter keeps its own name.
     */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // List<@Pattern String> items: Hibernate names the element "<list element>"
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        if (name.isEmpty()) {
            String last = null;
            for (Path.Node node : path) {
                last = node.getName();
            }
            return last == null ? "body" : last;
        }
        return name.toString();
    }
}
