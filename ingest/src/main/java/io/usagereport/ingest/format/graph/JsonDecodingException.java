package io.usagereport.ingest.format.graph;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

import static java.util.Objects.requireNonNull;

/**
 * Bytes of a JSON export that are not valid in its character set, with the file and the line from which on
 * decoding failed. It stays a {@link CharacterCodingException}, so callers can still tell decoding errors apart.
 */
final class JsonDecodingException
        extends CharacterCodingException
{
    private static final long serialVersionUID = 1L;

    private final String message;

    JsonDecodingException(String sourceFile, long line, Charset charset, CharacterCodingException cause)
    {
        this.message = "Cannot read " + requireNonNull(sourceFile, "sourceFile is null") + ": bytes at or after line " + line
                + " are not valid text in the file's character set (" + charset.name()
                + "); pass --encoding with the file's character set";
        initCause(requireNonNull(cause, "cause is null"));
    }

    @Override
    public String getMessage()
    {
        return message;
    }
}
