package io.usagereport.sample;

import java.io.Closeable;
import java.io.IOException;

/** Streams sign-ins into one export file, row by row, keeping nothing in memory. */
interface SignInWriter extends Closeable
{
    void write(SampleSignIn signIn) throws IOException;

    /** Whether {@link #writeMalformed} is supported. */
    default boolean writesMalformedRows()
    {
        return false;
    }

    /** Writes a row that an ingest must reject. */
    default void writeMalformed(SampleSignIn signIn, Malformation malformation) throws IOException
    {
        throw new UnsupportedOperationException("malformed rows are not written in this format");
    }

    /** Data rows written so far. */
    long rows();

    /** The ways rows are broken on purpose. */
    enum Malformation
    {
        /** A date that does not exist, such as the 31st of September. */
        NONEXISTENT_DATE,
        /** A date with a 13th month. */
        INVALID_MONTH,
        /** No user principal name (nor user, nor sign-in identifier). */
        MISSING_USER
    }
}
