package io.usagereport.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file-system failure under an exception from Spark, Hadoop or the JDK, and says it plainly.
 *
 * <p>Spark wraps an executor's {@code IOException} in a job failure several levels deep
 * ({@code SparkException: Job aborted due to stage failure: … Task failed while writing rows …}), and ImageIO hides it
 * behind {@code I/O error writing PNG file!}. The user needs the last link of that chain: {@code File too large},
 * {@code No space left on device}, {@code Not a directory}, {@code Permission denied}.
 */
public final class StorageFailures
{
    /** What the operating system says when a write does not fit (ENOSPC, EFBIG, EDQUOT). */
    private static final List<String> FULL = List.of("No space left on device", "File too large", "Disk quota exceeded");
    /** Code that writes Spark's and the native libraries' temporary files, not the lake or the output. */
    private static final List<String> LOCAL_WRITERS = List.of(
            "org.apache.spark.storage.",
            "org.apache.spark.shuffle.",
            "org.apache.spark.util.collection.",
            "org.apache.spark.unsafe.",
            "org.xerial.snappy.SnappyLoader",
            "com.github.luben.zstd.util.Native",
            "net.jpountz.util.Native");

    private StorageFailures() {}

    /**
     * The file-system failure in {@code failure}'s causes: the deepest {@link IOException}, else the deepest exception
     * whose message says the disk is full (a native library that cannot be unpacked throws an {@code Error}).
     */
    public static Optional<Throwable> find(Throwable failure)
    {
        Throwable found = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof IOException || diskFull(cause)) {
                found = cause;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The failure's own words, made plain when the disk is full: {@code File too large (the disk is full or a file
     * size limit was reached)}.
     */
    public static String reason(Throwable failure)
    {
        Throwable cause = find(failure).orElse(failure);
        // the JDK's exceptions for these carry only the path as their message
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or folder";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        if (message.contains("No space left on device")) {
            return message + " (the disk is full)";
        }
        if (diskFull(cause)) {
            return message + " (the disk is full or a file size limit was reached)";
        }
        return message;
    }

    /**
     * A {@link ErrorCode#STORAGE} error "Cannot {@code action}: reason" for a stage that failed on the file system, or,
     * when the failure happened in Spark's or a native library's temporary files, "Cannot write temporary files in
     * {@code localFolder}: reason"; empty when {@code failure} is no file-system failure.
     *
     * @param action what the stage was doing, e.g. {@code write the lake /data/lake}
     * @param localFolder where Spark and native libraries keep temporary files ({@code spark.local.dir})
     */
    public static Optional<UsageReportException> of(Throwable failure, String action, String localFolder)
    {
        if (failure instanceof UsageReportException known) {
            return Optional.of(known);
        }
        Optional<Throwable> cause = find(failure);
        if (cause.isEmpty()) {
            return Optional.empty();
        }
        String what = local(cause.get()) ? "write temporary files in " + localFolder : action;
        return Optional.of(new UsageReportException(ErrorCode.STORAGE, "Cannot " + what + ": " + reason(failure), failure));
    }

    private static boolean diskFull(Throwable cause)
    {
        String message = cause.getMessage();
        return message != null && FULL.stream().anyMatch(message::contains);
    }

    private static boolean local(Throwable cause)
    {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String className = frame.getClassName();
            if (LOCAL_WRITERS.stream().anyMatch(className::startsWith)) {
                return true;
            }
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return message.startsWith("cannot unpack");
    }
}
