package io.usagereport.ingest.format.graph;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A reader that remembers what it has handed out since the last {@link #keepFrom}, up to a bound, so that a
 * reject can carry the record exactly as the file wrote it. When a record is longer than the bound the copy is
 * dropped (and {@link #slice} answers empty), so memory stays bounded whatever the file holds.
 */
final class CapturingReader
        extends Reader
        implements SourceText
{
    private final Reader delegate;
    private final int maxCapturedCharacters;
    private final StringBuilder captured = new StringBuilder();
    /** Offset of the first character in {@link #captured}. */
    private long capturedStart;
    /** Characters handed out so far. */
    private long position;

    CapturingReader(Reader delegate, int maxCapturedCharacters)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (maxCapturedCharacters <= 0) {
            throw new IllegalArgumentException("maxCapturedCharacters is not positive: " + maxCapturedCharacters);
        }
        this.maxCapturedCharacters = maxCapturedCharacters;
    }

    @Override
    public int read(char[] buffer, int offset, int length)
            throws IOException
    {
        int count = delegate.read(buffer, offset, length);
        if (count <= 0) {
            return count;
        }
        if (captured.length() + count > maxCapturedCharacters) {
            // too long to keep: start again with this chunk; slices reaching back before it answer empty
            captured.setLength(0);
            capturedStart = position;
        }
        if (count <= maxCapturedCharacters) {
            captured.append(buffer, offset, count);
        }
        else {
            capturedStart = position + count;
        }
        position += count;
        return count;
    }

    @Override
    public void keepFrom(long offset)
    {
        if (offset <= capturedStart) {
            return;
        }
        int drop = (int) Math.min(offset - capturedStart, captured.length());
        captured.delete(0, drop);
        capturedStart += drop;
    }

    @Override
    public Optional<String> slice(long start, long end)
    {
        if (start < capturedStart || end > capturedStart + captured.length() || start > end) {
            return Optional.empty();
        }
        return Optional.of(captured.substring((int) (start - capturedStart), (int) (end - capturedStart)));
    }

    @Override
    public void close()
    {
        // the caller owns the underlying reader
    }
}
