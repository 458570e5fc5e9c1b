package io.usagereport.analytics;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * File-system questions about the lake, asked through Hadoop so that every lake URI ({@code file:}, {@code hdfs:},
 * {@code s3a:}, {@code abfss:}) works the same.
 */
final class LakeFiles
{
    private final Configuration configuration;

    LakeFiles(SparkSession spark)
    {
        requireNonNull(spark, "spark is null");
        this.configuration = spark.sparkContext().hadoopConfiguration();
    }

    boolean exists(String location)
    {
        Path path = new Path(location);
        try {
            return path.getFileSystem(configuration).exists(path);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot read lake folder " + location + ": " + StorageFailures.reason(e), e);
        }
    }

    /** The files and folders the glob pattern matches, fully qualified; empty when none. */
    List<String> glob(String pattern)
    {
        Path path = new Path(pattern);
        try {
            FileStatus[] matches = path.getFileSystem(configuration).globStatus(path);
            if (matches == null) {
                return List.of();
            }
            return Arrays.stream(matches).map(status -> status.getPath().toString()).toList();
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot list lake folder " + pattern + ": " + StorageFailures.reason(e), e);
        }
    }

    /** Creates an empty file, replacing any file of that name; its folder must exist. */
    void createEmptyFile(String location)
    {
        Path path = new Path(location);
        try {
            path.getFileSystem(configuration).create(path, true).close();
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write lake file " + location + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder and everything below it; nothing happens when it does not exist. */
    void deleteRecursively(String location)
    {
        Path path = new Path(location);
        try {
            FileSystem fileSystem = path.getFileSystem(configuration);
            if (fileSystem.exists(path) && !fileSystem.delete(path, true)) {
                throw new UsageReportException(ErrorCode.STORAGE, "Cannot delete lake folder: " + location);
            }
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot delete lake folder " + location + ": " + StorageFailures.reason(e), e);
        }
    }
}
