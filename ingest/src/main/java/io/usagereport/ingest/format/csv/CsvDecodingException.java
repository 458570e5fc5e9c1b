package io.usagereport.ingest.format.csv;

import java.nio.charset.CharacterCodingException;

import static java.util.Objects.requireNonNull;

/**
 * A file whose bytes are not valid in its character set, with the line where decoding stopped. It stays a
 * {@link CharacterCodingException}, so callers can still tell decoding errors apart from other I/O errors.
 */
public final class CsvDecodingException
        extends CharacterCodingException
{
    private static final long serialVersionUID = 1L;

    private final String message;

    public CsvDecodingException(String message, CharacterCodingException cause)
    {
        this.message = requireNonNull(message, "message is null");
        initCause(requireNonNull(cause, "cause is null"));
    }

    @Override
    public String getMessage()
    {
        return message;
    }
}
