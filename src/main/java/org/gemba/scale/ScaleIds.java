package org.gemba.scale;

import java.util.UUID;

/**
 * Deterministic, well-formed (version 4 layout) UUIDs: the same seed and position always give the
 * same id, so a second pass can refer to rows the first pass wrote without keeping them in memory.
 */
final class ScaleIds {
    static final long ORG = 1, USER = 2, SITE = 3, PLACEMENT = 4, SHIFT = 5, BOOKING = 6, OBSERVATION = 7,
            ACTION = 8, ADJUSTMENT = 9, SERIES = 10;

    private ScaleIds() {}

    static UUID of(long seed, long kind, long high, long low) {
        long msb = ((seed & 0xFFFFL) << 48) | ((kind & 0xFFL) << 40) | ((high & 0xFFFFFFL) << 16) | 0x4000L;
        long lsb = 0x8000_0000_0000_0000L | (low & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb);
    }

    static UUID of(long seed, long kind, long index) {
        return of(seed, kind, 0, index);
    }
}
