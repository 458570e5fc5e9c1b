package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * The Entra admin center's JSON download of sign-in logs: a top-level array of Graph-like sign-in objects.
 *
 * <p>Every JSON shape is read the same way (see {@link JsonSignInReader}); this format only names the shape that
 * was recognised.
 */
public final class EntraJsonFormat
        implements ExportFormat
{
    public static final String NAME = "entra-json";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        requireNonNull(head, "head is null");
        return JsonShape.detect(head).filter(shape -> shape == JsonShape.PORTAL_ARRAY).isPresent();
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
