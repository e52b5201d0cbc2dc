package org.gemba.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) implements Id {
    public UserId {
        Objects.requireNonNull(value, "id");
    }

    @JsonCreator
    public static UserId fromString(String text) {
        return new UserId(Id.parse(text));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
