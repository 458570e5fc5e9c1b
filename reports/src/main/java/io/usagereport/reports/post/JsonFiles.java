package io.usagereport.reports.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the report's JSON documents the same way every time: UTF-8 without escaping non-ASCII, two-space indent,
 * {@code \n} line ends whatever the platform, fields in insertion order, a final line break.
 */
public final class JsonFiles
{
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonFiles() {}

    /** The document as text. */
    public static String toText(ObjectNode document)
    {
        try {
            return WRITER.writeValueAsString(document) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new UsageReportException(ErrorCode.INTERNAL, "Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the document to a file. */
    public static void write(ObjectNode document, Path file)
    {
        try {
            Files.writeString(file, toText(document), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write " + file + ": " + StorageFailures.reason(e), e);
        }
    }
}
