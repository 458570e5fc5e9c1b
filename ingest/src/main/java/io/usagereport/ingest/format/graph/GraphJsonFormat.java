package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * Microsoft Graph {@code signIn} JSON: a {@code {"@odata.context":…,"value":[…],"@odata.nextLink":…}} page, several pages
 * one after another or in an array, or one sign-in object per line (JSON lines).
 *
 * <p>Every JSON shape is read the same way (see {@link JsonSignInReader}); this format only names the shape that
 * was recognised.
 */
public final class GraphJsonFormat
        implements ExportFormat
{
    public static final String NAME = "graph-json";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        requireNonNull(head, "head is null");
        return JsonShape.detect(head).filter(shape -> shape == JsonShape.GRAPH).isPresent();
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
