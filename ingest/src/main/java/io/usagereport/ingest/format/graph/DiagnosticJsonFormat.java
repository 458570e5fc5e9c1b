package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * Diagnostic-settings sign-in records (Event Hub, storage account): {@code {"records":[…]}} or one record per line,
 * the sign-in under {@code properties}. Records of categories without a user ({@code ServicePrincipalSignInLogs},
 * {@code ManagedIdentitySignInLogs}, …) are rejected as not user sign-ins.
 *
 * <p>Every JSON shape is read the same way (see {@link JsonSignInReader}); this format only names the shape that
 * was recognised.
 */
public final class DiagnosticJsonFormat
        implements ExportFormat
{
    public static final String NAME = "diagnostic-json";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        requireNonNull(head, "head is null");
        return JsonShape.detect(head).filter(shape -> shape == JsonShape.DIAGNOSTIC).isPresent();
    }

    @Override
    public void read(ExportInput input, SignInSink sink)
            throws IOException
    {
        requireNonNull(input, "input is null");
        requireNonNull(sink, "sink is null");
        JsonSignInReader.read(input, sink);
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
