package io.usagereport.cli;

import io.usagereport.ingest.testing.TestingSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestIngestCommand
{
    private static final String TENANT = "6a2f1d3c-0b4e-4f5a-9c8d-7e6f5a4b3c2d";

    @TempDir
    Path work;

    @BeforeAll
    static void startSpark()
    {
        TestingSpark.session();
    }

    @Test
    void rejectedRecordsFinishTheJobWithExitStatusTwoAndPrintTheCounts()
            throws IOException
    {
        Path folder = Files.createDirectories(work.resolve("in").resolve(TENANT));
        Files.writeString(folder.resolve("signins.jsonl"),
                "{\"id\":\"r1\",\"createdDateTime\":\"2022-09-05T09:00:00Z\",\"userPrincipalName\":\"ann@fabrikam.com\",\"clientAppUsed\":\"POP3\",\"status\":{\"errorCode\":0}}\n"
                        + "{\"id\":\"r2\",\"createdDateTime\":\"2022-09-05T09:00:00Z\",\"clientAppUsed\":\"POP3\",\"status\":{\"errorCode\":0}}\n",
                StandardCharsets.UTF_8);
        Files.writeString(work.resolve("in").resolve("notes.txt"), "not an export", StandardCharsets.UTF_8);

        Result result = run("ingest", "--input", work.resolve("in").toString(), "--lake", work.resolve("lake").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out())
                .contains("read         2  written         1  duplicates       0  rejected       1")
                .contains("Total: read 2 = written 1 + duplicates 0 + rejected 1; 1 partitions replaced")
                .contains("Warning: Skipped " + work.resolve("in") + "/notes.txt: cannot tell its tenant");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitStatusOne()
    {
        Result result = run("ingest", "--input", "somewhere");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("usage-report: Missing required option: '--lake=DIR'");
    }

    @Test
    void anInputThatDoesNotExistStopsTheJobWithExitStatusOne()
    {
        Result result = run("ingest", "--input", work.resolve("nowhere").toString(), "--lake", work.resolve("lake").toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Cannot read input " + work.resolve("nowhere") + ": no such file or folder\n");
    }

    static Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = UsageReport.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {}
}
