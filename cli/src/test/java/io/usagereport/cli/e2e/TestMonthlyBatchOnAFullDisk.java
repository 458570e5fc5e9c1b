package io.usagereport.cli.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch on a disk that fills up: the process runs under a file-size limit ({@code ulimit -f}), so every
 * write past it fails with {@code File too large} as on a full disk, without a root mount. The batch stops with exit
 * status 3 and one line naming what it could not write, changes nothing that was published, and the same command
 * succeeds once there is room.
 */
@Tag("e2e")
class TestMonthlyBatchOnAFullDisk
{
    private static final String NEXT_MONTH = "2022-10";
    /**
     * Lets Spark start and write its first small files, not a month of sign-ins: ingest fails as it stages the next
     * month's sign-ins in the lake (files of up to 10 KB). With 16 KB it would now succeed: the lake's September
     * partitions shared no sign-ins with the run, so they gained the staged files as they were and nothing was
     * shuffled or written again.
     */
    private static final int INGEST_LIMIT_KB = 8;
    /**
     * Lets the report stage read the marts and write the first tenant's files (11 KB at most), not the second tenant's
     * charts (SVG, 13 to 18 KB).
     */
    private static final int REPORT_LIMIT_KB = 16;

    @Test
    void aFullDiskStopsEachStageWithOneLineAndLeavesEarlierMonthsAsTheyWere()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("full-disk");
        Path lake = folder.resolve("lake");
        Path out = folder.resolve("out");
        Reference.copy(reference.lake, lake);
        Reference.copy(reference.out, out);
        String javaOptions = preloadedNativeLibraries(folder.resolve("native"));
        Map<String, String> before = digests(lake, out);

        // the month's report, written again, runs out of room while it writes a chart: the published month stays
        List<String> report = List.of(
                "report", "--lake", lake.toString(), "--out", out.toString(), "--month", Batch.MONTH,
                "--tenants", Batch.repository().resolve("sample-data/tenants.csv").toString(), "--conf", "spark.ui.enabled=false");
        Path reportLog = folder.resolve("report-full.log");
        assertThat(run(reportLog, report, REPORT_LIMIT_KB, javaOptions)).as("exit status; output:%n%s", Batch.text(reportLog)).isEqualTo(3);
        assertThat(messages(reportLog)).hasSize(1);
        assertThat(messages(reportLog).get(0))
                .matches("usage-report: Cannot write chart " + Pattern.quote(out + "/." + Batch.MONTH + ".staging-") + "[0-9]+/[0-9a-f-]{36}/chart-[a-z]+\\.svg: "
                        + "File too large \\(the disk is full or a file size limit was reached\\)");
        assertNoStackTrace(reportLog);
        assertThat(digests(lake, out)).as("the lake and reports after the failed report").isEqualTo(before);
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();

        // with room again, the same command writes the month as the uninterrupted run did
        Path reportAgainLog = folder.resolve("report-again.log");
        assertThat(run(reportAgainLog, report, 0, javaOptions)).as("exit status; output:%n%s", Batch.text(reportAgainLog)).isZero();
        assertThat(digests(out)).isEqualTo(digests(reference.out));
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
        Map<String, String> reported = digests(lake, out);

        // the next month's ingest runs out of room while it stages the month's sign-ins
        Path exports = nextMonthExports(folder);
        Path sparkFolder = folder.resolve("spark-local");
        List<String> ingest = List.of(
                "ingest", "--input", exports.resolve("exports").toString(), "--lake", lake.toString(), "--conf", "spark.ui.enabled=false",
                "--conf", "spark.local.dir=" + sparkFolder);
        Path ingestLog = folder.resolve("ingest-full.log");
        assertThat(run(ingestLog, ingest, INGEST_LIMIT_KB, javaOptions)).as("exit status; output:%n%s", Batch.text(ingestLog)).isEqualTo(3);
        assertThat(messages(ingestLog)).containsExactly(
                "usage-report: Cannot write the lake " + lake + ": File too large (the disk is full or a file size limit was reached)");
        assertNoStackTrace(ingestLog);
        assertThat(digests(lake, out)).as("the lake and reports after the failed ingest").isEqualTo(reported);
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();

        // with room again, the same command ingests the month as if nothing had happened
        // (the generated month holds three deliberately malformed records)
        Path ingestAgainLog = folder.resolve("ingest-again.log");
        assertThat(run(ingestAgainLog, ingest, 0, javaOptions)).as("exit status; output:%n%s", Batch.text(ingestAgainLog)).isEqualTo(Batch.EXIT_REJECTS);
        assertThat(Batch.text(ingestAgainLog)).contains("Total: read 196 = written 150 + duplicates 43 + rejected 3; 6 partitions replaced");
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
    }

    /**
     * Runs the launcher to its end under a file-size limit in kilobytes (0: none) and returns its exit status. The log
     * is written under the limit too: the command's output, one line per event, stays far below it.
     */
    private static int run(Path log, List<String> arguments, int limitKb, String javaOptions)
    {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                (limitKb > 0 ? "ulimit -f " + limitKb + " && " : "") + "exec \"$0\" \"$@\"", Batch.launcher().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Batch.repository().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx1g " + javaOptions);
        try {
            return Batch.await(builder.start(), log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small month after the sample data's: two tenants of five users, from the generator. */
    private static Path nextMonthExports(Path folder)
    {
        Path exports = folder.resolve("next-month");
        Batch.runToEnd(folder.resolve("sample.log"), List.of(
                "sample", "--out", exports.toString(), "--tenants", "2", "--users", "5", "--month", NEXT_MONTH), 0);
        return exports;
    }

    /**
     * Snappy and Zstandard unpack their native libraries (0.3 and 1 MB) into the temporary folder when first used,
     * which a small limit would stop long before the lake is written: unpack them beforehand, outside the limit, and
     * point the libraries at them.
     */
    private static String preloadedNativeLibraries(Path folder)
    {
        Path snappy = folder.resolve("libsnappyjava.so");
        Path zstd = folder.resolve("libzstd-jni.so");
        try (ZipFile jar = new ZipFile(Batch.runnableJar().toFile())) {
            Files.createDirectories(folder);
            copy(jar, "org/xerial/snappy/native/Linux/" + ("aarch64".equals(System.getProperty("os.arch")) ? "aarch64" : "x86_64") + "/libsnappyjava.so", snappy);
            String zstdEntry = jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.matches("linux/" + ("aarch64".equals(System.getProperty("os.arch")) ? "aarch64" : "amd64") + "/libzstd-jni-.*\\.so"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Zstandard library for Linux in " + Batch.runnableJar()));
            copy(jar, zstdEntry, zstd);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-Dorg.xerial.snappy.use.systemlib=true -Djava.library.path=" + folder + " -DZstdNativePath=" + zstd;
    }

    private static void copy(ZipFile jar, String entry, Path target)
            throws IOException
    {
        ZipEntry found = jar.getEntry(entry);
        assertThat(found).as("%s in %s", entry, Batch.runnableJar()).isNotNull();
        try (InputStream input = jar.getInputStream(found)) {
            Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The lines the command itself printed on standard error (its log lines start with the time). */
    private static List<String> messages(Path log)
    {
        return Batch.text(log).lines().filter(line -> line.startsWith("usage-report:")).toList();
    }

    private static void assertNoStackTrace(Path log)
    {
        assertThat(Batch.text(log).lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")).toList())
                .as("stack trace lines in%n%s", Batch.text(log))
                .isEmpty();
    }

    /** Every file under the lake and the output, as {@code lake/…} and {@code out/…}, with the SHA-256 of its bytes. */
    private static Map<String, String> digests(Path lake, Path out)
    {
        Map<String, String> digests = new TreeMap<>();
        digests(lake).forEach((path, digest) -> digests.put("lake/" + path, digest));
        digests(out).forEach((path, digest) -> digests.put("out/" + path, digest));
        return digests;
    }

    private static Map<String, String> digests(Path folder)
    {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.exists(folder)) {
            return digests;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(path).toString(), BatchOutputs.sha256(Files.readAllBytes(path)));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }
}
