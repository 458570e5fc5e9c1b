package io.usagereport.cli;

import io.usagereport.ingest.testing.TestingSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A lake or output folder that cannot be written: each stage stops with exit status 3 and one line naming the path and
 * the reason, leaves what earlier runs wrote as it was, and leaves no half-written folder behind.
 */
class TestUnwritableOutput
{
    private static final String TENANT = "6a2f1d3c-0b4e-4f5a-9c8d-7e6f5a4b3c2d";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path work;

    @BeforeAll
    static void startSpark()
    {
        TestingSpark.session();
    }

    @Test
    void ingestIntoALakeBelowAFileStopsWithExitStatusThreeAndWritesNothing()
            throws IOException
    {
        Path inputs = exports("2022-09");
        Path file = Files.writeString(work.resolve("notes.txt"), "a file, not a folder", StandardCharsets.UTF_8);

        TestIngestCommand.Result result = TestIngestCommand.run("ingest", "--input", inputs.toString(), "--lake", file.resolve("lake").toString());

        assertThat(result.status()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("usage-report: Cannot write the lake " + file.resolve("lake") + ": Parent path is not a directory: file:" + file + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("a file, not a folder");
    }

    @Test
    void analyzeIntoMartsThatAreAFileStopsWithExitStatusThreeAndLeavesTheSignInsAsTheyWere()
            throws IOException
    {
        Path lake = work.resolve("lake");
        assertThat(TestIngestCommand.run("ingest", "--input", exports("2022-09").toString(), "--lake", lake.toString()).status()).isZero();
        Files.writeString(lake.resolve("marts"), "a file, not a folder", StandardCharsets.UTF_8);
        Map<String, String> before = digests(lake);

        TestIngestCommand.Result result = TestIngestCommand.run("analyze", "--lake", lake.toString(), "--month", "2022-09");

        assertThat(result.status()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("usage-report: Cannot write the marts in " + lake + "/marts: Parent path is not a directory: file:" + lake.resolve("marts") + "\n");
        assertThat(digests(lake)).isEqualTo(before);

        // once the folder can be written, the same command succeeds
        Files.delete(lake.resolve("marts"));
        assertThat(TestIngestCommand.run("analyze", "--lake", lake.toString(), "--month", "2022-09").status()).isZero();
        assertThat(lake.resolve("marts/tenant_summary/month=2022-09")).isDirectory();
    }

    @Test
    void reportIntoAnOutputBelowAFileStopsWithExitStatusThree()
            throws IOException
    {
        Path lake = analyzedLake("2022-09");
        Path file = Files.writeString(work.resolve("notes.txt"), "a file, not a folder", StandardCharsets.UTF_8);

        TestIngestCommand.Result result = TestIngestCommand.run("report", "--lake", lake.toString(), "--month", "2022-09", "--out", file.resolve("out").toString());

        assertThat(result.status()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("usage-report: Cannot create output folder in " + file.resolve("out") + ": " + file.resolve("out") + ": Not a directory\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("a file, not a folder");
    }

    @Test
    void reportIntoAReadOnlyOutputStopsWithExitStatusThreeAndLeavesEarlierMonthsAsTheyWere()
            throws IOException
    {
        // root may write anywhere: only an ordinary user sees the permission refused
        assumeFalse(ROOT, "runs as root");
        Path lake = analyzedLake("2022-09", "2022-10");
        Path out = work.resolve("out");
        assertThat(TestIngestCommand.run("report", "--lake", lake.toString(), "--month", "2022-09", "--out", out.toString()).status()).isZero();
        Map<String, String> before = digests(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            TestIngestCommand.Result result = TestIngestCommand.run("report", "--lake", lake.toString(), "--month", "2022-10", "--out", out.toString());

            assertThat(result.status()).isEqualTo(3);
            assertThat(result.err()).matches("usage-report: Cannot create output folder in " + Pattern.quote(out.toString()) + ": "
                    + Pattern.quote(out.resolve(".2022-10.staging-").toString()) + "[0-9]+: permission denied\n");
            assertThat(out.resolve("2022-10")).doesNotExist();
        }
        finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(digests(out)).isEqualTo(before);
    }

    private Path analyzedLake(String... months)
            throws IOException
    {
        Path lake = work.resolve("lake");
        Path inputs = exports(months);
        assertThat(TestIngestCommand.run("ingest", "--input", inputs.toString(), "--lake", lake.toString()).status()).isZero();
        for (String month : months) {
            assertThat(TestIngestCommand.run("analyze", "--lake", lake.toString(), "--month", month).status()).isZero();
        }
        return lake;
    }

    /** One tenant's Graph export with a POP and an IMAP sign-in in each month. */
    private Path exports(String... months)
            throws IOException
    {
        Path folder = Files.createDirectories(work.resolve("in").resolve(TENANT));
        StringBuilder lines = new StringBuilder();
        for (String month : months) {
            lines.append("{\"id\":\"pop-").append(month).append("\",\"createdDateTime\":\"").append(month)
                    .append("-05T09:00:00Z\",\"userPrincipalName\":\"ann@fabrikam.com\",\"clientAppUsed\":\"POP3\",\"status\":{\"errorCode\":0}}\n");
            lines.append("{\"id\":\"imap-").append(month).append("\",\"createdDateTime\":\"").append(month)
                    .append("-06T10:00:00Z\",\"userPrincipalName\":\"bob@fabrikam.com\",\"clientAppUsed\":\"IMAP4\",\"status\":{\"errorCode\":0}}\n");
        }
        Files.writeString(folder.resolve("signins.jsonl"), lines.toString(), StandardCharsets.UTF_8);
        return work.resolve("in");
    }

    /** Every file under the folder, by relative path, with the SHA-256 of its bytes. */
    static Map<String, String> digests(Path folder)
    {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(path).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }
}
