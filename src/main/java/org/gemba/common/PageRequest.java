package org.gemba.common;

import java.util.List;
import java.util.function.Function;

/**
 * A validated {@code ?limit=&cursor=} pair. {@code after} holds the decoded sort key of the
 * last row of the previous page, or null for the first page.
 */
public record PageRequest(int limit, List<String> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, String cursor, CursorCodec codec, int keyParts) {
        int l = limit(limit, DEFAULT_LIMIT);
        List<String> after = cursor == null || cursor.isEmpty() ? null : codec.decode(cursor, keyParts);
        return new PageRequest(l, after);
    }

    /** A {@code ?limit=} of any list: 1 to {@link #MAX_LIMIT}, {@code fallback} when absent; refused, not clamped. */
    public static int limit(Integer limit, int fallback) {
        int l = limit == null ? fallback : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return l;
    }

    public String after(int i) {
        return after == null ? null : after.get(i);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    public <T> Page<T> page(List<T> rows, Function<T, List<String>> sortKey, CursorCodec codec) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), codec.encode(sortKey.apply(items.get(limit - 1))));
    }
}
