package io.usagereport.ingest.format.hostile;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Huge fields and files, generated while they are read: they must stream through a small heap. Tagged
 * {@code small-heap}, so that the ingest module's {@code small-heap} surefire execution runs them with {@code -Xmx192m}.
 */
@Tag("small-heap")
class BigInputTest
{
    private static final long MEGABYTE = 1024 * 1024;
    private static final String ENTRA_HEADER = "\"Date (UTC)\",\"Request ID\",\"User ID\",\"User\",\"Username\",\"Application\","
            + "\"IP address\",\"Location\",\"Status\",\"Sign-in error code\",\"Failure reason\",\"Client app\",\"User agent\"\r\n";

    @Test
    void heapIsSmall()
    {
        // the guarantee below is only worth something when the fork really has a small heap
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256 * MEGABYTE);
    }

    @Test
    void csvCellOf30MegabytesEndsTheFileWithAnErrorNamingItsLine()
    {
        String before = ENTRA_HEADER + entraRow(1) + "\r\n" + entraRow(2).replace("\"CBAInPROD\"", "\"");
        GeneratedInput input = GeneratedInput.withLongValue(before, 30 * MEGABYTE, 'a', "\"\r\n" + entraRow(3) + "\r\n");
        CountingSink sink = new CountingSink();

        assertThatThrownBy(() -> ExportFormats.read("huge-cell.csv", input, Optional.empty(), sink))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot read huge-cell.csv: a record is longer than 8388608 characters (a quote may not be closed),"
                        + " in the record starting on line 3");
        assertThat(sink.signInIds).containsExactly("d4f0c0de-0000-4000-8000-000000000001");
        assertThat(sink.rejects).isEmpty();
        assertThat(input.bytesRead()).isLessThan(10 * MEGABYTE);
    }

    @Test
    void csvQuoteNeverClosedIn200MegabytesEndsTheFileEarly()
    {
        String before = ENTRA_HEADER + entraRow(1) + "\r\n\"2025-05-06T08:20:00Z\",\"never closed";
        GeneratedInput input = new GeneratedInput(before, 200 * 1024, index -> (index + ",").repeat(512).substring(0, 1024), "");
        CountingSink sink = new CountingSink();

        assertThatThrownBy(() -> ExportFormats.read("open-quote.csv", input, Optional.empty(), sink))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot read open-quote.csv: a record is longer than 8388608 characters (a quote may not be closed),"
                        + " in the record starting on line 3");
        assertThat(sink.signInIds).containsExactly("d4f0c0de-0000-4000-8000-000000000001");
    }

    @Test
    void jsonStringOf30MegabytesEndsTheFileWithAnErrorNamingItsLine()
    {
        String before = "{\"value\":[\n" + graphObject(1, "small") + ",\n{\"id\":\"66ea54eb-0000-4000-8000-000000000002\","
                + "\"createdDateTime\":\"2022-01-24T05:11:08Z\",\"userPrincipalName\":\"adelev@contoso.com\",\"status\":{\"errorCode\":0},\"userAgent\":\"";
        GeneratedInput input = GeneratedInput.withLongValue(before, 30 * MEGABYTE, 'a', "\"},\n" + graphObject(3, "after") + "]}");
        CountingSink sink = new CountingSink();

        assertThatThrownBy(() -> ExportFormats.read("huge-string.json", input, Optional.empty(), sink))
                .isInstanceOf(IOException.class)
                // where Jackson notices the length depends on its buffers: the line is exact, the counts are not
                .hasMessageMatching("Cannot read huge-string\\.json: invalid JSON at line 3, column \\d{7}: String value length"
                        + " \\(\\d{7}\\) exceeds the maximum allowed \\(8388608\\)");
        assertThat(sink.signInIds).containsExactly("66ea54eb-0000-4000-8000-000000000001");
        assertThat(sink.rejects).isEmpty();
        assertThat(input.bytesRead()).isLessThan(10 * MEGABYTE);
    }

    @Test
    void csvFileOf200MegabytesStreams()
            throws IOException
    {
        // rows of about 1 KB (a long user agent), so that 200 MB take few rows
        long rows = 205_000;
        String longUserAgent = "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) " + "AppleWebKit/537.36 (KHTML, like Gecko) ".repeat(19) + "\"";
        GeneratedInput input = new GeneratedInput(ENTRA_HEADER, rows,
                index -> entraRow(index + 1).replace("\"CBAInPROD\"", longUserAgent) + "\r\n", "");
        CountingSink sink = new CountingSink();

        ExportFormats.ReadResult result = ExportFormats.read("big.csv", input, Optional.empty(), sink);

        assertThat(result.format()).isEqualTo("entra-csv");
        assertThat(input.bytesRead()).isGreaterThan(200_000_000L);
        assertThat(sink.signIns).isEqualTo(rows);
        assertThat(sink.lastRecord).isEqualTo(rows);
        assertThat(sink.lastLine).isEqualTo(rows + 1);
        assertThat(sink.rejects).isEmpty();
    }

    private static String entraRow(long number)
    {
        return String.format(java.util.Locale.ROOT, "\"2025-05-06T08:19:41Z\",\"d4f0c0de-0000-4000-8000-%012d\","
                + "\"11111111-0000-4000-8000-000000000001\",\"Fumiko Sato\",\"fumiko.sato@contoso.com\",\"Office 365 Exchange Online\","
                + "\"192.0.2.10\",\"Tokyo, Tokyo, JP\",\"Success\",\"0\",\"\",\"IMAP4\",\"CBAInPROD\"", number);
    }

    private static String graphObject(long number, String userAgent)
    {
        return String.format(java.util.Locale.ROOT, "{\"id\":\"66ea54eb-0000-4000-8000-%012d\",\"createdDateTime\":\"2022-01-24T05:10:08Z\","
                + "\"userPrincipalName\":\"adelev@contoso.com\",\"status\":{\"errorCode\":0},\"userAgent\":\"%s\"}", number, userAgent);
    }

    /** Keeps counts and the first few ids only, so that the sink itself needs no memory. */
    private static final class CountingSink
            implements SignInSink
    {
        final List<String> signInIds = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        long signIns;
        long lastRecord;
        long lastLine;
        long longestUserAgent;

        @Override
        public void signIn(SignIn signIn, long record, long line)
        {
            signIns++;
            lastRecord = record;
            lastLine = line;
            if (signInIds.size() < 10) {
                signInIds.add(signIn.signInId());
            }
            longestUserAgent = Math.max(longestUserAgent, signIn.userAgent().map(String::length).orElse(0));
        }

        @Override
        public void reject(Reject reject)
        {
            if (rejects.size() < 10) {
                rejects.add(reject.message("generated"));
            }
        }
    }
}
