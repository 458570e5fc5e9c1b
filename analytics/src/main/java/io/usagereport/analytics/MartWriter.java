package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes one month of a mart: shapes the rows to the mart's schema, then replaces exactly the
 * {@code month=<YYYY-MM>} partition with a dynamic partition overwrite (set on the writer, so a session configured
 * otherwise cannot wipe the other months). A month without rows has its partition removed: readers then see no
 * rows for it, never stale ones.
 *
 * <p>A writer killed mid-write leaves Spark's job folders in the mart's folder ({@code .spark-staging-<job>} of a
 * dynamic overwrite, {@code _temporary} of the file committer): readers skip them, and the next write of the mart
 * removes them. One job writes a lake at a time.
 */
final class MartWriter
{
    private static final String PARTITION_OVERWRITE_MODE = "partitionOverwriteMode";
    private static final String DYNAMIC = "dynamic";
    private static final String COMPRESSION = "compression";
    private static final String ZSTD = "zstd";
    private static final String SPARK_STAGING = ".spark-staging-";
    private static final String TEMPORARY = "_temporary";
    private static final String ROWS = "rows";

    private final LakeLayout lake;
    private final LakeFiles files;

    MartWriter(LakeLayout lake, LakeFiles files)
    {
        this.lake = requireNonNull(lake, "lake is null");
        this.files = requireNonNull(files, "files is null");
    }

    /**
     * One job computes and writes the month's rows; they are counted on the way through ({@link Observation}), not
     * by a second pass over them.
     *
     * @return the number of rows written for the month
     */
    long write(MartSchema mart, Dataset<Row> rows, YearMonth month)
    {
        removeInterruptedWrites(mart);
        List<Column> keys = mart.keyColumns().stream().map(name -> col(name)).toList();
        Observation written = new Observation();
        // one small file per month, sorted by key so that readers and diffs see a stable order
        shape(mart, rows, month)
                .observe(written, count(lit(1)).as(ROWS))
                .coalesce(1)
                .sortWithinPartitions(keys.toArray(new Column[0]))
                .write()
                .mode(SaveMode.Overwrite)
                .option(PARTITION_OVERWRITE_MODE, DYNAMIC)
                .option(COMPRESSION, ZSTD)
                .partitionBy(SignInSchema.MONTH)
                .parquet(lake.mart(mart.name()));
        long count = observed(written, ROWS);
        if (count == 0) {
            // a dynamic overwrite without rows leaves the month's earlier rows in place
            files.deleteRecursively(partition(mart, month));
        }
        return count;
    }

    /** A figure an {@link Observation} took during a finished action; the action has run, so this does not wait. */
    static long observed(Observation observation, String name)
    {
        try {
            return ((Number) observation.getAsJava().get(name)).longValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name + " of " + observation.name(), e);
        }
    }

    /** The rows as the mart stores them: its columns in order, cast to its types, then {@code month}. */
    static Dataset<Row> shape(MartSchema mart, Dataset<Row> rows, YearMonth month)
    {
        List<Column> columns = new ArrayList<>();
        for (StructField field : mart.columns().fields()) {
            columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
        }
        columns.add(lit(month.toString()).as(SignInSchema.MONTH));
        return rows.select(columns.toArray(new Column[0]));
    }

    /** Removes what an earlier write of the mart left when it was killed: Spark's staging and temporary folders. */
    void removeInterruptedWrites(MartSchema mart)
    {
        for (String leftover : files.glob(lake.mart(mart.name()) + "/{" + SPARK_STAGING + "*," + TEMPORARY + "}")) {
            files.deleteRecursively(leftover);
        }
    }

    String partition(MartSchema mart, YearMonth month)
    {
        return lake.mart(mart.name()) + "/" + SignInSchema.MONTH + "=" + month;
    }
}
