package io.usagereport.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * How complete the tenant's input was for the month, from the ingest manifests.
 *
 * @param rowsRead input rows (sign-ins) read for the tenant and month, before dropping anything
 * @param rejected rows that could not become sign-ins (written to the lake's rejects)
 * @param duplicates rows dropped because the same sign-in was exported more than once
 * @param daysWithoutData days of the month (UTC) with no sign-in at all, sorted; empty when every day has data
 */
public record DataQuality(long rowsRead, long rejected, long duplicates, List<LocalDate> daysWithoutData)
{
    public DataQuality
    {
        ProtocolUsage.requireNotNegative("rowsRead", rowsRead);
        ProtocolUsage.requireNotNegative("rejected", rejected);
        ProtocolUsage.requireNotNegative("duplicates", duplicates);
        requireNonNull(daysWithoutData, "daysWithoutData is null");
        if (rejected + duplicates > rowsRead) {
            throw new IllegalArgumentException("Invalid data quality: rejected " + rejected + " + duplicates " + duplicates + " > rowsRead " + rowsRead);
        }
        daysWithoutData = List.copyOf(new TreeSet<>(daysWithoutData));
    }

    /** Rows that became sign-ins in the lake. */
    public long rowsWritten()
    {
        return rowsRead - rejected - duplicates;
    }
}
