package io.usagereport.ingest;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The settings every stage relies on, applied to a session whatever its master.
 */
public final class SparkSessions
{
    /** The default master: Spark embedded in this process, on every core. */
    public static final String LOCAL_MASTER = "local[*]";
    /** Above this many folders, Spark lists them with a Spark job instead of on the driver. */
    static final String PARALLEL_LISTING_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";
    /** Parquet's switch for Hadoop's vectored reads, a Hadoop setting ({@code spark.hadoop.*} in a session). */
    static final String PARQUET_VECTORED_READS = "parquet.hadoop.vectored.io.enabled";

    private SparkSessions() {}

    /**
     * A session builder with the lake's invariants: UTC session time, Parquet timestamps as {@code TIMESTAMP_MICROS}
     * (readable by DuckDB, Trino and pandas), partition overwrites that replace only the partitions written,
     * {@link NioLocalFileSystem} for local folders, and Parquet files read without Hadoop's vectored reads.
     *
     * @param settings extra Spark settings ({@code --conf key=value}); they win over the defaults
     */
    public static SparkSession.Builder builder(String appName, String master, Map<String, String> settings)
    {
        requireNonNull(appName, "appName is null");
        requireNonNull(master, "master is null");
        requireNonNull(settings, "settings is null");
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.ui.showConsoleProgress", "false")
                // local folders: permissions set in the process, not by a chmod process per file and folder
                .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
                // The lake's files are small, one row group each: vectored reads (Parquet's default since 1.16) have
                // little to gather in them, and through Hadoop's checksummed local file system each one runs in
                // asynchronous steps that take a new thread apiece on a machine of 2 cores. Off, the 2,800 manifests
                // of a 10 M month are read in 3.5 s instead of 7.3 s.
                .config("spark.hadoop." + PARQUET_VECTORED_READS, "false");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "8")
                    // the driver lists folders itself, however many: in this process a listing job (one task per
                    // folder) runs on the same cores and only adds each task's overhead (1,000 month folders: 3.5 s)
                    .config(PARALLEL_LISTING_THRESHOLD, String.valueOf(Integer.MAX_VALUE))
                    .config("spark.ui.enabled", "false");
        }
        settings.forEach(builder::config);
        return builder;
    }
}
