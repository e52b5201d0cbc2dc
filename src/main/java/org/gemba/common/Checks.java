package org.gemba.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems of one request so the client hears about all of them at once. */
public final class Checks {
    private final List<FieldError> errors = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public Checks require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Checks notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "must not be blank");
    }

    public Checks notNull(Object value, String field) {
        return require(value != null, field, "must not be null");
    }

    public Checks maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new ApiException(ErrorCode.VALIDATION_FAILED, first.field() + ": " + first.message(),
                    errors, java.util.Map.of());
        }
    }
}
