package io.usagereport.ingest.format.hostile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * An export made up while it is read: a head, {@code count} parts made by {@code part}, and a tail, as UTF-8 bytes,
 * so that tests can read hundreds of megabytes without a file and without holding them in memory.
 */
final class GeneratedInput
        extends InputStream
{
    private final LongFunction<String> part;
    private final long count;
    private final byte[] tail;
    private byte[] current;
    private int position;
    private long next;
    private boolean tailGiven;
    private long bytes;

    GeneratedInput(String head, long count, LongFunction<String> part, String tail)
    {
        this.current = requireNonNull(head, "head is null").getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.part = requireNonNull(part, "part is null");
        this.tail = requireNonNull(tail, "tail is null").getBytes(StandardCharsets.UTF_8);
    }

    /** A head, one cell or string of {@code characters} repetitions of {@code filler}, and a tail. */
    static GeneratedInput withLongValue(String head, long characters, char filler, String tail)
    {
        String chunk = String.valueOf(filler).repeat(64 * 1024);
        long chunks = characters / chunk.length();
        String rest = String.valueOf(filler).repeat((int) (characters % chunk.length()));
        return new GeneratedInput(head, chunks + 1, index -> index < chunks ? chunk : rest, tail);
    }

    /** How many bytes have been read so far. */
    long bytesRead()
    {
        return bytes;
    }

    @Override
    public int read()
    {
        byte[] one = new byte[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length)
    {
        if (length == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (next < count) {
                current = part.apply(next++).getBytes(StandardCharsets.UTF_8);
            }
            else if (!tailGiven) {
                current = tail;
                tailGiven = true;
            }
            else {
                return -1;
            }
            position = 0;
        }
        int copied = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, copied);
        position += copied;
        bytes += copied;
        return copied;
    }
}
