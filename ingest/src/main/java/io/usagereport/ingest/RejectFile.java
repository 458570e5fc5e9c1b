package io.usagereport.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The rejects of one input file, written by the task that reads it to a file of its own in the run's staging folder:
 * one JSON object per line with the columns of {@link ManifestSchema#REJECTS}. The file is created at the first reject
 * only, and named with a random part, so a retried task never writes over the file of another attempt: the driver
 * reads only the file that the accepted {@link FileSummary} names.
 */
final class RejectFile
{
    private static final JsonFactory JSON = JsonFactory.builder()
            // a record cut in the middle of a surrogate pair still makes valid JSON
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final Configuration configuration;
    private final Path path;
    private final String tenantId;
    private final String sourceKey;
    private final String sourceFile;
    private JsonGenerator generator;

    RejectFile(Configuration configuration, String folder, String tenantId, String sourceKey, String sourceFile)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.tenantId = requireNonNull(tenantId, "tenantId is null");
        this.sourceKey = requireNonNull(sourceKey, "sourceKey is null");
        this.sourceFile = requireNonNull(sourceFile, "sourceFile is null");
        this.path = new Path(requireNonNull(folder, "folder is null"), sourceKey + "-" + UUID.randomUUID() + ".json");
    }

    /**
     * Writes one reject.
     *
     * @throws NotWritten if the staging folder cannot take it
     */
    void write(long line, long record, Optional<String> field, String reason, String rawText)
    {
        try {
            if (generator == null) {
                FileSystem fileSystem = path.getFileSystem(configuration);
                OutputStream out = fileSystem.create(path, false);
                generator = JSON.createGenerator(out, JsonEncoding.UTF8);
                generator.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            }
            generator.writeStartObject();
            generator.writeStringField(SignInSchema.TENANT_ID, tenantId);
            generator.writeStringField(ParsedSchema.SOURCE_KEY, sourceKey);
            generator.writeStringField(SignInSchema.SOURCE_FILE, sourceFile);
            generator.writeNumberField(SignInSchema.SOURCE_LINE, line);
            generator.writeNumberField(ParsedSchema.RECORD_NUMBER, record);
            generator.writeStringField(ParsedSchema.FIELD, field.orElse(null));
            generator.writeStringField(ParsedSchema.REASON, reason);
            generator.writeStringField(ParsedSchema.RAW_TEXT, rawText);
            generator.writeEndObject();
        }
        catch (IOException e) {
            throw notWritten(e);
        }
    }

    /**
     * Closes the file.
     *
     * @return where the rejects are, if there were any
     * @throws NotWritten if the staging folder cannot take them
     */
    Optional<String> close()
    {
        if (generator == null) {
            return Optional.empty();
        }
        try {
            generator.close();
            return Optional.of(path.toString());
        }
        catch (IOException e) {
            throw notWritten(e);
        }
    }

    private NotWritten notWritten(IOException e)
    {
        return new NotWritten("Cannot write the rejects of " + sourceFile + " to " + path + ": " + StorageFailures.reason(e), e);
    }

    /** Closes the file of a task that is gone, whatever happens: the file is not used. */
    void abandon()
    {
        if (generator != null) {
            try {
                generator.close();
            }
            catch (IOException | RuntimeException e) {
                // nothing reads it
            }
        }
    }

    /** The rejects could not be written: the task must fail rather than lose them. */
    static final class NotWritten
            extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        NotWritten(String message, IOException cause)
        {
            super(message, cause);
        }
    }
}
