package io.usagereport.ingest;

import static java.util.Objects.requireNonNull;

/**
 * The one exception family of the product: a message for the user ("Invalid …: value", "Cannot …: reason")
 * and an {@link ErrorCode} for the exit status.
 */
public class UsageReportException
        extends RuntimeException
{
    private final ErrorCode errorCode;

    public UsageReportException(ErrorCode errorCode, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public UsageReportException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }
}
