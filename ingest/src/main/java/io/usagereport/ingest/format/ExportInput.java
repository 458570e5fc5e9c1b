package io.usagereport.ingest.format;

import java.io.Reader;
import java.nio.charset.Charset;

import static java.util.Objects.requireNonNull;

/**
 * A decoded export file: its name for messages, its character set, and a reader positioned after any byte order
 * mark. The reader decodes strictly: bytes that are not valid in {@code charset} raise
 * {@link java.nio.charset.MalformedInputException} instead of turning into replacement characters.
 */
public record ExportInput(String sourceFile, Charset charset, Reader reader)
{
    /** How many characters of a file's start are shown to {@link ExportFormat#recognizes}. */
    public static final int HEAD_CHARACTERS = 64 * 1024;

    public ExportInput
    {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(reader, "reader is null");
    }
}
