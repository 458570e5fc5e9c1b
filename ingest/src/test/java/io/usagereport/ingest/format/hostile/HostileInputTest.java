package io.usagereport.ingest.format.hostile;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile files from {@code src/test/resources/hostile/}, each read through {@link ExportFormats#read}
 * with its exact outcome: the error a user sees, or the sign-ins and rejects, and never an invented sign-in.
 */
class HostileInputTest
{
    private static final String SHIFT_JIS_HINT = "; if it was saved by Excel on Japanese Windows, pass --encoding Shift_JIS";

    @Test
    void pngBytesNamedCsvAreABinaryFile()
    {
        assertThat(outcome("png-named.csv")).containsExactly(
                "BAD_INPUT: Cannot read png-named.csv: the file is a PNG image, not a text export");
    }

    @Test
    void zipBytesNamedJsonAreABinaryFile()
    {
        assertThat(outcome("zip-named.json")).containsExactly(
                "BAD_INPUT: Cannot read zip-named.json: the file is a ZIP archive (an Excel workbook is one; save the sheet as CSV), not a text export");
    }

    @Test
    void garbageBytesAreNotUtf8()
    {
        assertThat(outcome("garbage.csv")).containsExactly(
                "BAD_INPUT: Cannot read garbage.csv: byte 2 is not valid UTF-8" + SHIFT_JIS_HINT);
    }

    @Test
    void emptyFileIsAnError()
    {
        assertThat(outcome("empty.csv")).containsExactly("BAD_INPUT: Cannot read empty.csv: the file is empty");
    }

    @Test
    void headerOnlyEntraCsvHasNoRecords()
    {
        assertThat(outcome("header-only-entra.csv")).containsExactly("format: entra-csv");
    }

    @Test
    void headerOnlyPowerShellCsvHasNoRecords()
    {
        assertThat(outcome("header-only-powershell.csv")).containsExactly("format: powershell-csv");
    }

    @Test
    void headerOnlyLogAnalyticsCsvHasNoRecords()
    {
        assertThat(outcome("header-only-loganalytics.csv")).containsExactly("format: log-analytics-csv");
    }

    @Test
    void csvCutInsideAQuotedCellKeepsTheRecordsBeforeAndNamesTheLine()
    {
        assertThat(outcome("cut-in-quoted-field.csv")).containsExactly(
                "signIn record=1 line=2 d4f0c0de-0000-4000-8000-000000000001 fumiko.sato@contoso.com 2025-05-06T08:19:41Z",
                "IOException: Cannot read cut-in-quoted-field.csv: the file ends inside a quoted cell (it is cut short, or a quote is not closed), in the record starting on line 3");
    }

    @Test
    void unterminatedJsonArrayKeepsTheRecordsBeforeAndNamesTheLine()
    {
        assertThat(outcome("unterminated-array.json")).containsExactly(
                "signIn record=1 line=2 66ea54eb-0000-4000-8000-000000000001 adelev@contoso.onmicrosoft.com 2022-01-24T05:10:08Z",
                "signIn record=2 line=9 66ea54eb-0000-4000-8000-000000000002 adelev@contoso.onmicrosoft.com 2022-01-24T05:11:08Z",
                "IOException: Cannot read unterminated-array.json: invalid JSON at line 16, column 1: Unexpected end-of-input within/between Array entries");
    }

    @Test
    void csvWithAnUnknownHeaderMatchesNoFormat()
    {
        assertThat(outcome("unknown-header.csv")).containsExactly(
                "BAD_INPUT: Cannot read unknown-header.csv: its content matches no known sign-in export format (it starts with 'Name,Email,Last sign-in')");
    }

    @Test
    void shiftJisFileWithoutEncodingSuggestsShiftJis()
    {
        assertThat(outcome("shift-jis-entra.csv")).containsExactly(
                "BAD_INPUT: Cannot read shift-jis-entra.csv: byte 268 is not valid UTF-8" + SHIFT_JIS_HINT);
    }

    @Test
    void shiftJisFileReadsWithWindows31j()
    {
        CollectingSink sink = new CollectingSink();
        List<String> outcome = outcome("shift-jis-entra.csv", Optional.of(Charset.forName("windows-31j")), sink);

        assertThat(outcome).containsExactly(
                "format: entra-csv",
                "signIn record=1 line=2 d4f0c0de-0000-4000-8000-000000000011 fumiko.sato@contoso.com 2025-05-06T08:19:41Z",
                "signIn record=2 line=3 d4f0c0de-0000-4000-8000-000000000012 kenji.takahashi@contoso.com 2025-05-06T08:25:00Z");
        assertThat(sink.signIns()).extracting(collected -> collected.signIn().userDisplayName().orElseThrow())
                .containsExactly("佐藤 文子", "髙橋 健二");
    }

    @Test
    void utf16LittleEndianWithoutBomSuggestsTheEncoding()
    {
        assertThat(outcome("utf16le-no-bom.csv")).containsExactly(
                "BAD_INPUT: Cannot read utf16le-no-bom.csv: the file looks like UTF-16LE text without a byte order mark; pass --encoding UTF-16LE");
    }

    @Test
    void utf16LittleEndianWithoutBomReadsWithTheEncoding()
    {
        assertThat(outcome("utf16le-no-bom.csv", Optional.of(Charset.forName("UTF-16LE")), new CollectingSink())).containsExactly(
                "format: entra-csv",
                "signIn record=1 line=2 d4f0c0de-0000-4000-8000-000000000001 fumiko.sato@contoso.com 2025-05-06T08:19:41Z");
    }

    @Test
    void entraCsvTimesOutsideTheAcceptedRangeAreRejected()
    {
        String expectedRange = "; expected a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)";
        assertThat(outcome("time-range-entra.csv")).containsExactly(
                "format: entra-csv",
                "reject: Invalid sign-in time in time-range-entra.csv at record 1 (line 2), field 'Date (UTC)': '1601-01-01T00:00:00Z'" + expectedRange,
                "reject: Invalid sign-in time in time-range-entra.csv at record 2 (line 3), field 'Date (UTC)': '1999-12-31T23:59:59Z'" + expectedRange,
                "signIn record=3 line=4 aa000000-0000-4000-8000-000000000003 fumiko.sato@contoso.com 2000-01-01T00:00:00Z",
                "signIn record=4 line=5 aa000000-0000-4000-8000-000000000004 fumiko.sato@contoso.com 2099-12-31T23:59:59Z",
                "reject: Invalid sign-in time in time-range-entra.csv at record 5 (line 6), field 'Date (UTC)': '2100-01-01T00:00:00Z'" + expectedRange,
                "reject: Invalid sign-in time in time-range-entra.csv at record 6 (line 7), field 'Date (UTC)': '9999-12-31T23:59:59Z'" + expectedRange);
    }

    @Test
    void powerShellCsvTimesOutsideTheAcceptedRangeAreRejected()
    {
        String expectedRange = "; expected a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)";
        assertThat(outcome("time-range-powershell.csv")).containsExactly(
                "format: powershell-csv",
                "reject: Invalid sign-in time in time-range-powershell.csv at record 1 (line 2), field 'CreatedDateTime': '1/1/1601 12:00:00 AM'" + expectedRange,
                "reject: Invalid sign-in time in time-range-powershell.csv at record 2 (line 3), field 'CreatedDateTime': '12/31/1999 11:59:59 PM'" + expectedRange,
                "signIn record=3 line=4 bb000000-0000-4000-8000-000000000003 kenji.mori@contoso.com 2000-01-01T00:00:00Z",
                "signIn record=4 line=5 bb000000-0000-4000-8000-000000000004 kenji.mori@contoso.com 2099-12-31T23:59:59Z",
                "reject: Invalid sign-in time in time-range-powershell.csv at record 5 (line 6), field 'CreatedDateTime': '1/1/2100 12:00:00 AM'" + expectedRange,
                "reject: Invalid sign-in time in time-range-powershell.csv at record 6 (line 7), field 'CreatedDateTime': '12/31/9999 11:59:59 PM'" + expectedRange);
    }

    @Test
    void logAnalyticsCsvTimesOutsideTheAcceptedRangeAreRejected()
    {
        String expectedRange = "; expected a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)";
        assertThat(outcome("time-range-loganalytics.csv")).containsExactly(
                "format: log-analytics-csv",
                "reject: Invalid sign-in time in time-range-loganalytics.csv at record 1 (line 2), field 'CreatedDateTime [UTC]': '1/1/1601, 12:00:00.000 AM'" + expectedRange,
                "reject: Invalid sign-in time in time-range-loganalytics.csv at record 2 (line 3), field 'CreatedDateTime [UTC]': '12/31/1999, 11:59:59.999 PM'" + expectedRange,
                "signIn record=3 line=4 ee000000-0000-4000-8000-000000000003 noah.kobayashi@contoso.com 2000-01-01T00:00:00Z",
                "signIn record=4 line=5 ee000000-0000-4000-8000-000000000004 noah.kobayashi@contoso.com 2099-12-31T23:59:59.999Z",
                "reject: Invalid sign-in time in time-range-loganalytics.csv at record 5 (line 6), field 'CreatedDateTime [UTC]': '1/1/2100, 12:00:00.000 AM'" + expectedRange,
                "reject: Invalid sign-in time in time-range-loganalytics.csv at record 6 (line 7), field 'CreatedDateTime [UTC]': '12/31/9999, 11:59:59.999 PM'" + expectedRange);
    }

    @Test
    void graphJsonTimesOutsideTheAcceptedRangeAreRejected()
    {
        String expectedRange = "; expected a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)";
        assertThat(outcome("time-range-graph.json")).containsExactly(
                "format: graph-json",
                "reject: Invalid sign-in time in time-range-graph.json at record 1 (line 3), field 'createdDateTime': '1601-01-01T00:00:00Z'" + expectedRange,
                "reject: Invalid sign-in time in time-range-graph.json at record 2 (line 10), field 'createdDateTime': '1999-12-31T23:59:59Z'" + expectedRange,
                "signIn record=3 line=17 66ea54eb-0000-4000-8000-000000000003 adelev@contoso.onmicrosoft.com 2000-01-01T00:00:00Z",
                "signIn record=4 line=24 66ea54eb-0000-4000-8000-000000000004 adelev@contoso.onmicrosoft.com 2099-12-31T23:59:59Z",
                "reject: Invalid sign-in time in time-range-graph.json at record 5 (line 31), field 'createdDateTime': '2100-01-01T00:00:00Z'" + expectedRange,
                "reject: Invalid sign-in time in time-range-graph.json at record 6 (line 38), field 'createdDateTime': '9999-12-31T23:59:59Z'" + expectedRange);
    }

    private static List<String> outcome(String file)
    {
        return outcome(file, Optional.empty(), new CollectingSink());
    }

    /**
     * What reading {@code file} gives, in order: the format, then each sign-in and reject as the sink saw them,
     * then the exception that ended reading. Sign-ins and rejects come from the sink even when reading failed.
     */
    private static List<String> outcome(String file, Optional<Charset> encoding, CollectingSink sink)
    {
        List<String> lines = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        try (InputStream stream = HostileInputTest.class.getResourceAsStream("/hostile/" + file)) {
            ExportFormats.ReadResult result = ExportFormats.read(file, stream, encoding, sink);
            lines.add("format: " + result.format());
        }
        catch (UsageReportException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_INPUT);
            failure = Optional.of("BAD_INPUT: " + e.getMessage());
        }
        catch (IOException e) {
            failure = Optional.of("IOException: " + e.getMessage());
        }
        List<Object> events = new ArrayList<>();
        // the sink keeps sign-ins and rejects apart; put them back in record order
        List<CollectingSink.Collected> signIns = sink.signIns();
        List<Reject> rejects = sink.rejects();
        int signInIndex = 0;
        int rejectIndex = 0;
        while (signInIndex < signIns.size() || rejectIndex < rejects.size()) {
            boolean takeSignIn = rejectIndex >= rejects.size()
                    || (signInIndex < signIns.size() && signIns.get(signInIndex).record() < rejects.get(rejectIndex).record());
            events.add(takeSignIn ? signIns.get(signInIndex++) : rejects.get(rejectIndex++));
        }
        for (Object event : events) {
            if (event instanceof CollectingSink.Collected collected) {
                lines.add("signIn record=" + collected.record() + " line=" + collected.line() + " " + collected.signIn().signInId()
                        + " " + collected.signIn().userPrincipalName() + " " + collected.signIn().createdAt());
            }
            else {
                lines.add("reject: " + ((Reject) event).message(file));
            }
        }
        failure.ifPresent(lines::add);
        return lines;
    }
}
