package org.gemba.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.Set;

/**
 * A PATCH body: the typed, validated value plus which fields the client actually sent, so that
 * an absent field ("leave it") differs from an explicit null ("clear it").
 */
public record Patch<T>(T value, Set<String> present) {

    public boolean has(String field) {
        return present.contains(field);
    }

    public static <T> Patch<T> read(ObjectNode body, Class<T> type, ObjectMapper mapper, Validator validator)
            throws JsonProcessingException {
        T value = mapper.treeToValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new HashSet<>(violations));
        }
        Set<String> present = new HashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        return new Patch<>(value, Set.copyOf(present));
    }
}
