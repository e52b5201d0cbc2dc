package org.gemba.scale;

import java.util.SplittableRandom;

/** Per-row random streams: the same (seed, parts...) always gives the same numbers, in any order of generation. */
final class Mix {
    private Mix() {}

    static SplittableRandom random(long seed, long... parts) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = stafford(h ^ (p + 0x632BE59BD9B4E019L));
        }
        return new SplittableRandom(h);
    }

    private static long stafford(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
