package io.usagereport.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The sign-ins a parse task has already written for one tenant, by month and sign-in id, so that the task keeps only
 * the first copy of each: the files of a tenant are read in the order the lake's deduplication prefers them (file
 * name, then line), so the first copy seen is the one kept.
 *
 * <p>Ids are compared exactly, as the lake's deduplication compares them. An id in the canonical form of a GUID (36
 * characters, lower case, as every export writes them) is held as two {@code long}s in an open-addressing table,
 * about 32 bytes a sign-in; any other id is held as its text.
 */
final class SeenSignIns
{
    private static final int GUID_LENGTH = 36;
    private static final int INITIAL_SLOTS = 1 << 10;

    private final Map<String, Guids> guidsByMonth = new HashMap<>();
    private final Map<String, Set<String>> othersByMonth = new HashMap<>();

    /** @return whether the sign-in is new, i.e. not seen before in its month */
    boolean add(String month, String signInId)
    {
        requireNonNull(month, "month is null");
        requireNonNull(signInId, "signInId is null");
        if (isCanonicalGuid(signInId)) {
            return guidsByMonth.computeIfAbsent(month, ignored -> new Guids())
                    .add(parseHex(signInId, 0, 8) << 32 | parseHex(signInId, 9, 13) << 16 | parseHex(signInId, 14, 18),
                            parseHex(signInId, 19, 23) << 48 | parseHex(signInId, 24, 36));
        }
        return othersByMonth.computeIfAbsent(month, ignored -> new HashSet<>()).add(signInId);
    }

    /** Forgets every sign-in: the task goes on to another tenant. */
    void clear()
    {
        guidsByMonth.clear();
        othersByMonth.clear();
    }

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} with lower-case hexadecimal digits only. */
    static boolean isCanonicalGuid(String id)
    {
        if (id.length() != GUID_LENGTH) {
            return false;
        }
        for (int index = 0; index < GUID_LENGTH; index++) {
            char c = id.charAt(index);
            boolean valid = switch (index) {
                case 8, 13, 18, 23 -> c == '-';
                default -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            };
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    private static long parseHex(String text, int from, int to)
    {
        long value = 0;
        for (int index = from; index < to; index++) {
            char c = text.charAt(index);
            value = value << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return value;
    }

    /**
     * A set of 128-bit values, open addressing with linear probing, at most half full. The all-zero GUID is kept
     * apart, as zero marks a free slot.
     */
    private static final class Guids
    {
        private long[] slots = new long[2 * INITIAL_SLOTS];
        private int size;
        private boolean zero;

        boolean add(long high, long low)
        {
            if (high == 0 && low == 0) {
                boolean added = !zero;
                zero = true;
                return added;
            }
            if (2 * (size + 1) > slots.length / 2) {
                grow();
            }
            if (!insert(slots, high, low)) {
                return false;
            }
            size++;
            return true;
        }

        private static boolean insert(long[] table, long high, long low)
        {
            int mask = table.length / 2 - 1;
            int slot = (int) mix(high, low) & mask;
            while (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
                if (table[2 * slot] == high && table[2 * slot + 1] == low) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = high;
            table[2 * slot + 1] = low;
            return true;
        }

        private void grow()
        {
            long[] larger = new long[2 * slots.length];
            for (int slot = 0; slot < slots.length / 2; slot++) {
                if (slots[2 * slot] != 0 || slots[2 * slot + 1] != 0) {
                    insert(larger, slots[2 * slot], slots[2 * slot + 1]);
                }
            }
            slots = larger;
        }

        // random GUIDs are spread already; the mix keeps ids made by counters or hashes of names from clustering
        private static long mix(long high, long low)
        {
            long value = high * 0x9E3779B97F4A7C15L ^ low;
            value ^= value >>> 32;
            value *= 0xD6E8FEB86659FD93L;
            return value ^ value >>> 32;
        }
    }
}
