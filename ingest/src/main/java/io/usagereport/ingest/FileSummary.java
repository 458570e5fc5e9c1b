package io.usagereport.ingest;

import java.io.Serializable;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What the parse step learned about one input file, sent back to the driver with the task's result: its format and
 * character set, how many sign-ins it gave per month, how many records it rejected (and the error that stopped the
 * file, if one did), and the client apps the table does not know. The driver needs nothing else from the parsed
 * rows before it merges them, so it never reads them back to summarise.
 *
 * <p>Parsing is deterministic, so a file parsed twice (a retried task) gives the same counts; only the file its
 * rejects went to differs.
 *
 * @param fileError the problem that ended the file early (its reject of record 0), or {@code null}
 * @param rejectsFile the file of its rejects ({@link RejectFile}), or {@code null} when it had none
 */
record FileSummary(
        String tenantId,
        String sourceFile,
        String format,
        String encoding,
        SortedMap<String, Long> signInsPerMonth,
        long rejected,
        String fileError,
        SortedMap<String, Long> unknownClientApps,
        long missingClientApps,
        String rejectsFile)
        implements Serializable
{
    FileSummary
    {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(format, "format is null");
        requireNonNull(encoding, "encoding is null");
        signInsPerMonth = new TreeMap<>(requireNonNull(signInsPerMonth, "signInsPerMonth is null"));
        unknownClientApps = new TreeMap<>(requireNonNull(unknownClientApps, "unknownClientApps is null"));
    }

    /** Counts a file's records while its reader runs; {@link #build} gives the summary once the file is done. */
    static final class Builder
    {
        private final String tenantId;
        private final String sourceFile;
        private final TreeMap<String, Long> signInsPerMonth = new TreeMap<>();
        private final TreeMap<String, Long> unknownClientApps = new TreeMap<>();
        private long rejected;
        private Optional<String> error = Optional.empty();
        private long missingClientApps;

        Builder(String tenantId, String sourceFile)
        {
            this.tenantId = requireNonNull(tenantId, "tenantId is null");
            this.sourceFile = requireNonNull(sourceFile, "sourceFile is null");
        }

        void signIn(String month, ClientApps.Kind clientAppKind, Optional<String> clientApp)
        {
            signInsPerMonth.merge(month, 1L, Long::sum);
            if (clientAppKind == ClientApps.Kind.UNKNOWN) {
                unknownClientApps.merge(clientApp.orElse(""), 1L, Long::sum);
            }
            else if (clientAppKind == ClientApps.Kind.MISSING) {
                missingClientApps++;
            }
        }

        /** @param fileError the problem that ended the file, for the reject of record 0 */
        void reject(Optional<String> fileError)
        {
            rejected++;
            if (error.isEmpty()) {
                error = fileError;
            }
        }

        FileSummary build(String format, String encoding, Optional<String> rejectsFile)
        {
            return new FileSummary(tenantId, sourceFile, format, encoding, signInsPerMonth, rejected, error.orElse(null),
                    unknownClientApps, missingClientApps, rejectsFile.orElse(null));
        }
    }

    Optional<String> error()
    {
        return Optional.ofNullable(fileError);
    }

    Optional<String> rejects()
    {
        return Optional.ofNullable(rejectsFile);
    }
}
