package io.usagereport.sample;

import java.util.Locale;

/**
 * SplitMix64, written out so that the sample data never depends on how a JDK version implements
 * {@code nextInt(bound)} or {@code nextGaussian()}: the same seed gives the same bytes on every JVM.
 */
final class SampleRandom
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private long state;

    SampleRandom(long seed)
    {
        this.state = seed;
    }

    /** A seed derived from several parts, so that each tenant, user and sign-in has its own stream. */
    static long seed(long... parts)
    {
        long hash = 0x5A4D504C45L;
        for (long part : parts) {
            hash = mix(hash + GOLDEN_GAMMA + mix(part));
        }
        return hash;
    }

    private static long mix(long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong()
    {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A double in [0, 1). */
    double unit()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** An int in [0, bound). */
    int below(int bound)
    {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    boolean chance(double probability)
    {
        return unit() < probability;
    }

    /** A version-4-shaped GUID, lower case, derived from this stream (never from {@code UUID.randomUUID}). */
    String guid()
    {
        long high = (nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return String.format(Locale.ROOT, "%08x-%04x-%04x-%04x-%012x",
                high >>> 32, (high >>> 16) & 0xFFFF, high & 0xFFFF, low >>> 48, low & 0xFFFFFFFFFFFFL);
    }

    /** Base64url-looking text, as in {@code uniqueTokenIdentifier}. */
    String token(int length)
    {
        StringBuilder builder = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            builder.append(TOKEN_ALPHABET.charAt(below(TOKEN_ALPHABET.length())));
        }
        return builder.toString();
    }

    /** Lower-case hex digits. */
    String hex(int length)
    {
        StringBuilder builder = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            builder.append(Character.forDigit(below(16), 16));
        }
        return builder.toString();
    }

    /** An index chosen with the given (positive) weights. */
    int weighted(double[] weights)
    {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = unit() * total;
        for (int index = 0; index < weights.length; index++) {
            target -= weights[index];
            if (target < 0) {
                return index;
            }
        }
        return weights.length - 1;
    }
}
