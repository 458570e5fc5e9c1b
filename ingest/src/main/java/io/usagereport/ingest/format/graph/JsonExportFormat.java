package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * The JSON exports of sign-ins, one format per shape so that manifests tell users which one a file was:
 * <ul>
 * <li>{@link #entra()} ({@value #ENTRA}): the Entra admin center's JSON download, a top-level array of Graph-like
 *     sign-in objects;</li>
 * <li>{@link #graph()} ({@value #GRAPH}): Microsoft Graph {@code signIn} JSON, a
 *     {@code {"@odata.context":…,"value":[…],"@odata.nextLink":…}} page, several pages one after another or in an
 *     array, or one sign-in object per line;</li>
 * <li>{@link #diagnostic()} ({@value #DIAGNOSTIC}): diagnostic-settings records (Event Hub, storage account),
 *     {@code {"records":[…]}} or one record per line, the sign-in under {@code properties}; records of categories
 *     without a user ({@code ServicePrincipalSignInLogs}, …) are rejected as not user sign-ins.</li>
 * </ul>
 * Every shape is read the same way ({@link JsonSignInReader}); the formats differ only in the shape they recognise.
 */
public final class JsonExportFormat
        implements ExportFormat
{
    public static final String ENTRA = "entra-json";
    public static final String GRAPH = "graph-json";
    public static final String DIAGNOSTIC = "diagnostic-json";

    private final String name;
    private final JsonShape shape;

    private JsonExportFormat(String name, JsonShape shape)
    {
        this.name = requireNonNull(name, "name is null");
        this.shape = requireNonNull(shape, "shape is null");
    }

    public static JsonExportFormat entra()
    {
        return new JsonExportFormat(ENTRA, JsonShape.PORTAL_ARRAY);
    }

    public static JsonExportFormat graph()
    {
        return new JsonExportFormat(GRAPH, JsonShape.GRAPH);
    }

    public static JsonExportFormat diagnostic()
    {
        return new JsonExportFormat(DIAGNOSTIC, JsonShape.DIAGNOSTIC);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public boolean recognizes(String head)
    {
        requireNonNull(head, "head is null");
        return JsonShape.detect(head).filter(detected -> detected == shape).isPresent();
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
        return name;
    }
}
