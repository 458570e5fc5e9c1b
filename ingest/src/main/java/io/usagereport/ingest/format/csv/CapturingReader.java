package io.usagereport.ingest.format.csv;

import java.io.IOException;
import java.io.Reader;

import static java.util.Objects.requireNonNull;

/**
 * Passes characters through and keeps those not yet discarded, so that a record's text can be cut out of the file
 * by character position after the parser has read it. Positions count from the first character read through this
 * reader; memory holds only the text from the oldest kept position to what the parser has buffered.
 *
 * <p>The kept text holds the record not yet handed out and the one being parsed; when it grows past
 * {@link #MAX_KEPT_CHARACTERS} reading fails with an {@link IOException}, so that a quote that is never closed, or a
 * hostile cell of hundreds of megabytes, ends the file instead of exhausting memory.
 */
final class CapturingReader
        extends Reader
{
    /** Longest text kept for records: far above any real record, small enough for a small heap. */
    static final int MAX_KEPT_CHARACTERS = 8 * 1024 * 1024;

    private final Reader in;
    private final StringBuilder text = new StringBuilder();
    private long textStart;
    private long lineBreaksBeforeTextStart;

    CapturingReader(Reader in)
    {
        this.in = requireNonNull(in, "in is null");
    }

    @Override
    public int read(char[] buffer, int offset, int length)
            throws IOException
    {
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            if (text.length() + count > MAX_KEPT_CHARACTERS) {
                throw new IOException("a record is longer than " + MAX_KEPT_CHARACTERS
                        + " characters (a quote may not be closed)");
            }
            text.append(buffer, offset, count);
        }
        return count;
    }

    @Override
    public void close()
            throws IOException
    {
        in.close();
    }

    /** The position after the last character read. */
    long end()
    {
        return textStart + text.length();
    }

    /** The kept text from {@code from} (inclusive) to {@code to} (exclusive). */
    String slice(long from, long to)
    {
        return text.substring(index(from), index(to));
    }

    /** How many line breaks (CR LF, LF or CR) lie before {@code position} in the whole stream. */
    long lineBreaksBefore(long position)
    {
        return lineBreaksBeforeTextStart + LineBreaks.count(text, 0, index(position));
    }

    /** Forgets the text before {@code position}. */
    void discardBefore(long position)
    {
        int index = index(position);
        lineBreaksBeforeTextStart += LineBreaks.count(text, 0, index);
        text.delete(0, index);
        textStart = position;
    }

    private int index(long position)
    {
        long index = position - textStart;
        if (index < 0 || index > text.length()) {
            throw new IllegalArgumentException("position " + position + " is outside the kept text ["
                    + textStart + ", " + end() + ")");
        }
        return (int) index;
    }
}
