package org.gemba.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

public record OrgId(UUID value) implements Id {
    public OrgId {
        Objects.requireNonNull(value, "id");
    }

    @JsonCreator
    public static OrgId fromString(String text) {
        return new OrgId(Id.parse(text));
    }

    public static OrgId random() {
        return new OrgId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
