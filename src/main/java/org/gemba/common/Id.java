package org.gemba.common;

import java.util.UUID;

/**
 * A typed id. Each implementation is a record wrapping a UUID with a static
 * {@code fromString}, so it works as a JAX-RS parameter (a non-UUID path id answers 404)
 * and binds to SQL through {@link IdJdbiSupport}.
 */
public interface Id {
    UUID value();

    static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text);
    }

    /** A path id: anything that is not a UUID names nothing, so it answers 404. */
    static UUID fromPath(String text, String what) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
