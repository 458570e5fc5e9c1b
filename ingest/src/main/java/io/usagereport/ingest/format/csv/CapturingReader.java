package io.usagereport.ingest.format.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

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
    /** A noncharacter that no export contains, to see how far a failed read got. */
    private static final char UNWRITTEN = '\uFFFF';
    /** Longest text kept for records: far above any real record, small enough for a small heap. */
    static final int MAX_KEPT_CHARACTERS = 8 * 1024 * 1024;

    private final Reader in;
    private final StringBuilder text = new StringBuilder();
    private static final int COMPACT_AFTER = 64 * 1024;

    private long textStart;
    private long keptFrom;
    private long lineBreaksBeforeKept;
    private CharacterCodingException decodingError;

    CapturingReader(Reader in)
    {
        this.in = requireNonNull(in, "in is null");
    }

    @Override
    public int read(char[] buffer, int offset, int length)
            throws IOException
    {
        if (decodingError != null) {
            CharacterCodingException error = decodingError;
            decodingError = null;
            throw error;
        }
        // The strict decoder throws without saying how many characters it had already decoded into the buffer.
        // Marking the buffer first shows them: they are returned now and the error raised on the next read, so
        // every record before the bad bytes is read and the error names their line.
        Arrays.fill(buffer, offset, offset + length, UNWRITTEN);
        int count;
        try {
            count = in.read(buffer, offset, length);
        }
        catch (CharacterCodingException e) {
            int decoded = 0;
            while (decoded < length && buffer[offset + decoded] != UNWRITTEN) {
                decoded++;
            }
            if (decoded == 0) {
                throw e;
            }
            text.append(buffer, offset, decoded);
            decodingError = e;
            return decoded;
        }
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

    /** The first position in {@code [from, to)} that is not a line break; {@code to} when there is none. */
    long skipLineBreaks(long from, long to)
    {
        int index = index(from);
        int end = index(to);
        while (index < end && LineBreaks.isBreak(text.charAt(index))) {
            index++;
        }
        return textStart + index;
    }

    /** The position after the last character in {@code [from, to)} that is not a line break; {@code from} when none. */
    long trimLineBreaks(long from, long to)
    {
        int start = index(from);
        int index = index(to);
        while (index > start && LineBreaks.isBreak(text.charAt(index - 1))) {
            index--;
        }
        return textStart + index;
    }

    /** How many line breaks (CR LF, LF or CR) lie before {@code position} in the whole stream. */
    long lineBreaksBefore(long position)
    {
        return lineBreaksBeforeKept + LineBreaks.count(text, index(keptFrom), index(position));
    }

    /** Forgets the text before {@code position}. */
    void discardBefore(long position)
    {
        lineBreaksBeforeKept += LineBreaks.count(text, index(keptFrom), index(position));
        keptFrom = position;
        // Compact only now and then: deleting the start of the buffer moves everything after it.
        if (keptFrom - textStart >= COMPACT_AFTER) {
            text.delete(0, index(keptFrom));
            textStart = keptFrom;
        }
    }

    private int index(long position)
    {
        long index = position - textStart;
        if (position < keptFrom || index > text.length()) {
            throw new IllegalArgumentException("position " + position + " is outside the kept text ["
                    + textStart + ", " + end() + ")");
        }
        return (int) index;
    }
}
