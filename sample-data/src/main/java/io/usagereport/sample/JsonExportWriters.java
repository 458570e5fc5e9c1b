package io.usagereport.sample;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The JSON exports: the portal's array, Graph pages, Graph lines and diagnostic-settings records. */
final class JsonExportWriters
{
    static final String GRAPH_CONTEXT = "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns";
    static final int GRAPH_PAGE_SIZE = 1000;

    private JsonExportWriters() {}

    /** The Entra admin center's JSON download: one array of sign-in objects, one object per line. */
    static SignInWriter entraArray(Path path)
            throws IOException
    {
        Writer writer = OutputFiles.open(path, StandardCharsets.UTF_8, false);
        JsonGenerator json = SignInJson.compact(writer);
        writer.write("[");
        return new SignInWriter()
        {
            private long rows;

            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                json.flush();
                writer.write(rows == 0 ? "\n" : ",\n");
                SignInJson.write(json, signIn, SampleTimes.ISO_SECONDS);
                rows++;
            }

            @Override
            public long rows()
            {
                return rows;
            }

            @Override
            public void close()
                    throws IOException
            {
                json.flush();
                writer.write("\n]\n");
                json.close();
            }
        };
    }

    /** Graph sign-in objects, one per line. */
    static SignInWriter graphLines(Path path)
            throws IOException
    {
        Writer writer = OutputFiles.open(path, StandardCharsets.UTF_8, false);
        JsonGenerator json = SignInJson.compact(writer);
        return new SignInWriter()
        {
            private long rows;

            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                SignInJson.write(json, signIn, SampleTimes.ISO_SECONDS);
                json.flush();
                writer.write('\n');
                rows++;
            }

            @Override
            public long rows()
            {
                return rows;
            }

            @Override
            public void close()
                    throws IOException
            {
                json.close();
            }
        };
    }

    /**
     * Graph response pages saved one after another: {@code {"@odata.context":…,"value":[…],"@odata.nextLink":…}}
     * and the last page without {@code @odata.nextLink}. Pages hold half the sign-ins each, at most
     * {@value #GRAPH_PAGE_SIZE}, so a small file still has two pages.
     */
    static SignInWriter graphPages(Path path, long expectedRows, SampleRandom random)
            throws IOException
    {
        Writer writer = OutputFiles.open(path, StandardCharsets.UTF_8, false);
        JsonGenerator json = SignInJson.pretty(writer);
        long pageSize = Math.max(1, Math.min(GRAPH_PAGE_SIZE, (expectedRows + 1) / 2));
        return new SignInWriter()
        {
            private long rows;
            private boolean pageOpen;

            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                if (!pageOpen) {
                    openPage();
                }
                SignInJson.write(json, signIn, SampleTimes.ISO_SECONDS);
                rows++;
                if (rows % pageSize == 0) {
                    closePage(rows < expectedRows);
                }
            }

            private void openPage()
                    throws IOException
            {
                json.writeStartObject();
                json.writeStringField("@odata.context", GRAPH_CONTEXT);
                json.writeArrayFieldStart("value");
                pageOpen = true;
            }

            private void closePage(boolean more)
                    throws IOException
            {
                json.writeEndArray();
                if (more) {
                    json.writeStringField("@odata.nextLink", "https://graph.microsoft.com/beta/auditLogs/signIns?$top="
                            + pageSize + "&$skiptoken=" + random.hex(64));
                }
                json.writeEndObject();
                pageOpen = false;
            }

            @Override
            public long rows()
            {
                return rows;
            }

            @Override
            public void close()
                    throws IOException
            {
                if (rows != expectedRows) {
                    throw new IllegalStateException("Graph pages expected " + expectedRows + " sign-ins but got " + rows);
                }
                if (pageOpen) {
                    closePage(false);
                }
                if (rows == 0) {
                    openPage();
                    closePage(false);
                }
                json.writeRaw('\n');
                json.close();
            }
        };
    }

    /**
     * Diagnostic-settings records as an Event Hub delivers them: {@code {"records":[…]}}, one record per line, each with top-level
     * {@code time}, {@code category} ({@code SignInLogs} or {@code NonInteractiveUserSignInLogs}), {@code resultType}
     * and {@code tenantId}, and the sign-in under {@code properties}.
     */
    static SignInWriter diagnosticRecords(Path path)
            throws IOException
    {
        Writer writer = OutputFiles.open(path, StandardCharsets.UTF_8, false);
        JsonGenerator json = SignInJson.compact(writer);
        writer.write("{\"records\":[");
        return new SignInWriter()
        {
            private long rows;

            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                json.flush();
                writer.write(rows == 0 ? "\n" : ",\n");
                json.writeStartObject();
                json.writeStringField("time", SampleTimes.format(SampleTimes.ISO_SEVEN_DIGITS, signIn.createdAt()));
                json.writeStringField("resourceId", "/tenants/" + signIn.tenant().id() + "/providers/Microsoft.aadiam");
                json.writeStringField("operationName", "Sign-in activity");
                json.writeStringField("operationVersion", "1.0");
                json.writeStringField("category", signIn.interactive() ? "SignInLogs" : "NonInteractiveUserSignInLogs");
                json.writeStringField("tenantId", signIn.tenant().id());
                json.writeStringField("resultType", Integer.toString(signIn.outcome().errorCode()));
                json.writeStringField("resultSignature", "None");
                json.writeStringField("resultDescription", signIn.outcome().succeeded() ? "" : signIn.outcome().failureReason());
                json.writeNumberField("durationMs", 0);
                json.writeStringField("callerIpAddress", signIn.ipAddress());
                json.writeStringField("correlationId", signIn.correlationId());
                json.writeStringField("identity", signIn.userDisplayName());
                json.writeNumberField("Level", 4);
                json.writeStringField("location", signIn.city().countryCode());
                json.writeFieldName("properties");
                SignInJson.write(json, signIn, SampleTimes.ISO_SEVEN_DIGITS_OFFSET);
                json.writeEndObject();
                rows++;
            }

            @Override
            public long rows()
            {
                return rows;
            }

            @Override
            public void close()
                    throws IOException
            {
                json.flush();
                writer.write("\n]}\n");
                json.close();
            }
        };
    }
}
