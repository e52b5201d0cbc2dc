package org.gemba.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Optional;
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
        Set<String> sent = new HashSet<>();
        body.fieldNames().forEachRemaining(sent::add);
        T value = absentOptionalsAsNull(mapper.treeToValue(body, type), sent);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new HashSet<>(violations));
        }
        return new Patch<>(value, Set.copyOf(sent));
    }

    /**
     * Jackson gives an {@code Optional} record component {@code Optional.empty()} both when the field
     * is absent and when it is null; for a PATCH only an explicit null may mean "clear", so absent
     * Optional components become {@code null} ("leave alone").
     */
    private static <T> T absentOptionalsAsNull(T value, Set<String> sent) {
        Class<?> type = value.getClass();
        if (!type.isRecord()) {
            return value;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object v = components[i].getAccessor().invoke(value);
                args[i] = types[i] == Optional.class && !sent.contains(components[i].getName()) ? null : v;
            }
            @SuppressWarnings("unchecked")
            T copy = (T) type.getDeclaredConstructor(types).newInstance(args);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
        }
    }
}
