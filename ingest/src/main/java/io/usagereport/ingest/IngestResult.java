package io.usagereport.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an ingest run did. For every file, {@code rowsRead = rowsWritten + duplicates + rejected}.
 *
 * @param runId the run's identifier, as its staging folder was named
 * @param files one entry per input file, in input order
 * @param partitions the {@code signins} partitions the run replaced, as {@code tenant_id=…/month=…}
 * @param unknownClientApps client-app values not in {@link ClientApps}'s table, with how many rows carried each;
 *         those rows were stored as {@link Protocol#OTHER_LEGACY}
 * @param missingClientApps rows without a client app (stored as {@link Protocol#MODERN}, not Basic auth)
 */
public record IngestResult(
        String runId,
        List<FileResult> files,
        List<String> partitions,
        Map<String, Long> unknownClientApps,
        long missingClientApps)
{
    public IngestResult
    {
        requireNonNull(runId, "runId is null");
        files = List.copyOf(files);
        partitions = List.copyOf(partitions);
        unknownClientApps = Map.copyOf(unknownClientApps);
    }

    public long rowsRead()
    {
        return files.stream().mapToLong(FileResult::rowsRead).sum();
    }

    public long rowsWritten()
    {
        return files.stream().mapToLong(FileResult::rowsWritten).sum();
    }

    public long duplicates()
    {
        return files.stream().mapToLong(FileResult::duplicates).sum();
    }

    public long rejected()
    {
        return files.stream().mapToLong(FileResult::rejected).sum();
    }

    /**
     * One input file's outcome.
     *
     * @param format the detected format ({@code unknown} when the file could not be read)
     * @param encoding the character set the file was read with
     * @param error why the file could not be read (wholly or from some point on); empty when it was read to its end
     */
    public record FileResult(
            String sourceFile,
            String tenantId,
            String format,
            String encoding,
            long bytes,
            long rowsRead,
            long rowsWritten,
            long duplicates,
            long rejected,
            Optional<String> error)
    {
        public FileResult
        {
            requireNonNull(sourceFile, "sourceFile is null");
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(format, "format is null");
            requireNonNull(encoding, "encoding is null");
            requireNonNull(error, "error is null");
            if (rowsRead != rowsWritten + duplicates + rejected) {
                throw new IllegalArgumentException("Counts of " + sourceFile + " do not reconcile: read " + rowsRead
                        + " != written " + rowsWritten + " + duplicates " + duplicates + " + rejected " + rejected);
            }
        }
    }
}
