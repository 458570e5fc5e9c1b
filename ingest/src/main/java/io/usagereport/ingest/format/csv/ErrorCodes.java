package io.usagereport.ingest.format.csv;

import java.util.OptionalInt;

/** Reads sign-in error codes, which exports write as text. */
public final class ErrorCodes
{
    private ErrorCodes() {}

    /** The integer {@code text} holds (surrounding white space ignored), or empty when it is not an integer. */
    public static OptionalInt parse(String text)
    {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 11) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        }
        catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
