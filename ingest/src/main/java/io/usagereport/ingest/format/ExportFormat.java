package io.usagereport.ingest.format;

import io.usagereport.ingest.SignInSink;

import java.io.IOException;

/**
 * One kind of sign-in export (the Entra admin center CSV, Graph JSON, …): recognised from its content, then read
 * record by record into a {@link SignInSink}.
 *
 * <p>Implementations are stateless and thread-safe; {@link #read} streams, so memory use does not grow with the
 * size of the file. A record that cannot become a sign-in is passed to {@link SignInSink#reject}; an
 * {@link IOException} (a file that cannot be decoded or is cut short) ends the file, and the job records it.
 */
public interface ExportFormat
{
    /** A short stable name recorded in the manifests, e.g. {@code entra-csv}. */
    String name();

    /**
     * Whether this format recognises the decoded start of a file.
     *
     * @param head the first characters of the file (up to {@link ExportInput#HEAD_CHARACTERS}), byte order mark removed
     */
    boolean recognizes(String head);

    /** Reads every record of the file into {@code sink}. */
    void read(ExportInput input, SignInSink sink)
            throws IOException;
}
