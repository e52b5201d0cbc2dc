package org.gemba.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
