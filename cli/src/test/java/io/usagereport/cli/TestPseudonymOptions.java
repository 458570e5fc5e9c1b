package io.usagereport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage mistakes with the pseudonym key: each stops the command with exit status 1 before Spark starts. */
class TestPseudonymOptions
{
    private static final String VARIABLE = "USAGE_REPORT_PSEUDONYM_KEY";
    private static final String SHORT_KEY = "fifteen bytes!!";

    @TempDir
    Path work;

    @Test
    void pseudonymizingWithoutAKeySaysHowToGiveOne()
    {
        TestIngestCommand.Result result = analyze(Map.of(), "--pseudonymize-users");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Cannot pseudonymize users: no key; set the environment variable "
                + "USAGE_REPORT_PSEUDONYM_KEY or pass --pseudonym-key-file FILE (at least 16 bytes; keep it secret, and the same "
                + "every month so that pseudonyms stay the same)\n");
    }

    @Test
    void anEmptyVariableIsNoKey()
    {
        TestIngestCommand.Result result = analyze(Map.of(VARIABLE, ""), "--pseudonymize-users");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("usage-report: Cannot pseudonymize users: no key; ");
    }

    @Test
    void aShortKeyInTheVariableIsRefusedWithoutShowingIt()
    {
        TestIngestCommand.Result result = analyze(Map.of(VARIABLE, SHORT_KEY), "--pseudonymize-users");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Invalid pseudonym key in the environment variable USAGE_REPORT_PSEUDONYM_KEY: "
                + "15 bytes; expected at least 16\n");
        assertThat(result.out() + result.err()).doesNotContain(SHORT_KEY);
    }

    @Test
    void aShortKeyFileIsRefusedCountingBytesWithoutTheFinalLineBreak()
            throws IOException
    {
        Path keyFile = Files.writeString(work.resolve("key"), SHORT_KEY + "\r\n", StandardCharsets.UTF_8);

        TestIngestCommand.Result result = analyze(Map.of(), "--pseudonymize-users", "--pseudonym-key-file", keyFile.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Invalid pseudonym key in the file " + keyFile + ": 15 bytes; expected at least 16\n");
    }

    @Test
    void aKeyInBothTheVariableAndAFileIsAUsageError()
            throws IOException
    {
        Path keyFile = Files.writeString(work.resolve("key"), "a long enough key in a file\n", StandardCharsets.UTF_8);

        TestIngestCommand.Result result = run(Map.of(VARIABLE, "a long enough key in the environment"),
                "--pseudonymize-users", "--pseudonym-key-file", keyFile.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Cannot pseudonymize users: the key is given twice, by the environment variable "
                + "USAGE_REPORT_PSEUDONYM_KEY and by --pseudonym-key-file; give one of them\n");
        assertThat(result.out() + result.err()).doesNotContain("long enough key");
    }

    @Test
    void aKeyFileThatDoesNotExistIsAUsageError()
    {
        Path keyFile = work.resolve("missing-key");

        TestIngestCommand.Result result = analyze(Map.of(), "--pseudonymize-users", "--pseudonym-key-file", keyFile.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Cannot read the pseudonym key file " + keyFile + ": no such file\n");
    }

    @Test
    void aKeyFileWithoutPseudonymizingIsAUsageError()
            throws IOException
    {
        Path keyFile = Files.writeString(work.resolve("key"), "a long enough key in a file\n", StandardCharsets.UTF_8);

        TestIngestCommand.Result result = analyze(Map.of(), "--pseudonym-key-file", keyFile.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Cannot use --pseudonym-key-file without --pseudonymize-users\n");
    }

    @Test
    void noOptionTakesTheKeyItself()
    {
        TestIngestCommand.Result result = analyze(Map.of(), "--pseudonymize-users", "--pseudonym-key", "a long enough key on the command line");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("usage-report: Unknown options: '--pseudonym-key', 'a long enough key on the command line'");
    }

    private TestIngestCommand.Result analyze(Map<String, String> environment, String... options)
    {
        return execute(environment, "analyze", options, "--lake", work.resolve("lake").toString(), "--month", "2022-09");
    }

    private TestIngestCommand.Result run(Map<String, String> environment, String... options)
    {
        return execute(environment, "run", options, "--input", work.resolve("in").toString(), "--lake", work.resolve("lake").toString(),
                "--out", work.resolve("out").toString(), "--month", "2022-09");
    }

    private static TestIngestCommand.Result execute(Map<String, String> environment, String command, String[] options, String... required)
    {
        String[] args = new String[1 + options.length + required.length];
        args[0] = command;
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(required, 0, args, 1 + options.length, required.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = UsageReport.execute(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
        return new TestIngestCommand.Result(status, out.toString(), err.toString());
    }
}
