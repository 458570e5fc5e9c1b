package io.usagereport.ingest;

import static java.util.Objects.requireNonNull;

/**
 * One export file to ingest.
 *
 * @param path the file's Hadoop path or URI, as the job opens it
 * @param tenantId the tenant the file belongs to (a GUID, lower case)
 * @param sourceFile the file's name as the lake records it and messages show it: the path as the user named it
 * @param bytes the file's size
 */
public record InputFile(String path, String tenantId, String sourceFile, long bytes)
{
    public InputFile
    {
        requireNonNull(path, "path is null");
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceFile, "sourceFile is null");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes is negative: " + bytes);
        }
    }
}
