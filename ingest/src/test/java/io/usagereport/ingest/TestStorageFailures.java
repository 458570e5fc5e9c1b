package io.usagereport.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class TestStorageFailures
{
    @Test
    void theReasonIsTheDeepestIOExceptionUnderSparksWrapping()
    {
        IOException full = new IOException("File too large");
        RuntimeException job = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 2.0 failed 1 times",
                new IllegalStateException("[TASK_WRITE_FAILED] Task failed while writing rows to file:/lake/_staging/run/parsed",
                        new IOException("I/O error writing PNG file!", full)));

        assertThat(StorageFailures.find(job)).containsSame(full);
        assertThat(StorageFailures.reason(job)).isEqualTo("File too large (the disk is full or a file size limit was reached)");
    }

    @Test
    void reasonsSayPlainlyWhatTheOperatingSystemSaid()
    {
        assertThat(StorageFailures.reason(new IOException("No space left on device"))).isEqualTo("No space left on device (the disk is full)");
        assertThat(StorageFailures.reason(new IOException("Disk quota exceeded")))
                .isEqualTo("Disk quota exceeded (the disk is full or a file size limit was reached)");
        assertThat(StorageFailures.reason(new FileSystemException("/out/2022-09", null, "Not a directory"))).isEqualTo("/out/2022-09: Not a directory");
        assertThat(StorageFailures.reason(new FileAlreadyExistsException("/out"))).isEqualTo("/out is a file, not a folder");
        assertThat(StorageFailures.reason(new AccessDeniedException("/out/.2022-09.staging-1"))).isEqualTo("/out/.2022-09.staging-1: permission denied");
    }

    @Test
    void aFailureOutsideTheFileSystemIsNoStorageError()
    {
        assertThat(StorageFailures.find(new IllegalStateException("no chart renderer"))).isEmpty();
        assertThat(StorageFailures.of(new IllegalStateException("no chart renderer"), "write the lake /lake", "/tmp")).isEmpty();
    }

    @Test
    void aWriteOfTheLakeNamesTheLake()
    {
        UsageReportException error = StorageFailures.of(new RuntimeException("Job aborted", new IOException("No space left on device")),
                "write the lake /lake", "/tmp").orElseThrow();

        assertThat(error.errorCode()).isEqualTo(ErrorCode.STORAGE);
        assertThat(error.getMessage()).isEqualTo("Cannot write the lake /lake: No space left on device (the disk is full)");
    }

    @Test
    void aWriteOfSparksShuffleFilesOrANativeLibraryNamesTheTemporaryFolder()
    {
        IOException shuffle = new IOException("File too large");
        shuffle.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.io.FileOutputStream", "writeBytes", "FileOutputStream.java", -2),
                new StackTraceElement("org.apache.spark.storage.DiskBlockObjectWriter", "write", "DiskBlockObjectWriter.scala", 315)});
        Error unpack = new ExceptionInInitializerError("Cannot unpack libzstd-jni-1.5.7-7: No space left on device");

        assertThat(StorageFailures.of(new RuntimeException("Job aborted", shuffle), "write the lake /lake", "/tmp").orElseThrow().getMessage())
                .isEqualTo("Cannot write temporary files in /tmp: File too large (the disk is full or a file size limit was reached)");
        assertThat(StorageFailures.of(new RuntimeException("Job aborted", unpack), "read the marts in /lake/marts", "/scratch").orElseThrow().getMessage())
                .isEqualTo("Cannot write temporary files in /scratch: Cannot unpack libzstd-jni-1.5.7-7: No space left on device (the disk is full)");
    }

    @Test
    void aKnownErrorPassesUnchanged()
    {
        UsageReportException known = new UsageReportException(ErrorCode.STORAGE, "Cannot write chart /out/a.png: File too large");

        assertThat(StorageFailures.of(known, "write the reports in /out", "/tmp")).containsSame(known);
    }
}
