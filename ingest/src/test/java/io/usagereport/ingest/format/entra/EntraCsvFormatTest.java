package io.usagereport.ingest.format.entra;

import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.format.csv.CsvDecodingException;
import io.usagereport.ingest.testing.CollectingSink;
import io.usagereport.ingest.testing.TestingExports;
import io.usagereport.ingest.testing.TestingExports.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EntraCsvFormatTest
{
    private static final String MALFORMED = "InteractiveSignIns_2025-05-01_2025-05-31.csv";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            entra-era-a-44    | UTF-8    | IMAP4 POP3 POP3
            entra-era-b-49    | UTF-8    | Exchange ActiveSync,Authenticated SMTP,Browser
            entra-era-c-55    | UTF-8    | MAPI Over HTTP,Browser
            entra-era-d-57    | UTF-8    | IMAP4,IMAP4,Browser
            entra-utf8-bom    | UTF-8    | Exchange ActiveSync,POP3
            entra-utf16le-bom | UTF-16LE | MAPI Over HTTP,Authenticated SMTP
            """)
    void readsEveryHeaderEraAndEncoding(String testCase, String charset, String clientApps)
            throws IOException
    {
        Outcome outcome = TestingExports.read(testCase);

        assertThat(outcome.result().format()).isEqualTo("entra-csv");
        assertThat(outcome.result().charset().name()).isEqualTo(charset);
        assertThat(outcome.sink().rejects()).isEmpty();
        List<String> expected = List.of(clientApps.contains(",") ? clientApps.split(",") : clientApps.split(" "));
        assertThat(outcome.sink().signIns())
                .extracting(read -> read.signIn().clientApp().orElseThrow())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void readsLegacyAndFailedSignIns()
            throws IOException
    {
        Outcome outcome = TestingExports.read("entra-era-d-57");

        assertThat(outcome.sink().signIns())
                .extracting(CollectingSink.Collected::record, CollectingSink.Collected::line,
                        read -> read.signIn().protocol(), read -> read.signIn().succeeded(), read -> read.signIn().errorCode())
                .containsExactly(
                        tuple(1L, 2L, Protocol.IMAP, true, 0),
                        tuple(2L, 3L, Protocol.IMAP, false, 50053),
                        tuple(3L, 5L, Protocol.MODERN, true, 0));
        SignIn failure = outcome.sink().signIns().get(1).signIn();
        assertThat(failure.signInId()).isEqualTo("d4f0c0de-0004-4000-8000-000000000002");
        assertThat(failure.createdAt()).isEqualTo(Instant.parse("2025-05-06T08:20:00Z"));
        assertThat(failure.userPrincipalName()).isEqualTo("fumiko.sato@contoso.com");
        assertThat(failure.failureReason()).contains(
                "Account is locked because the user tried to sign in too many times,\r\nwith an \"incorrect\" user ID or password.");
        assertThat(failure.basicAuth()).isTrue();
    }

    @Test
    void rejectsMalformedRecordsAndGoesOn()
            throws IOException
    {
        Outcome outcome = TestingExports.read("entra-malformed");

        assertThat(outcome.sink().signIns())
                .extracting(CollectingSink.Collected::record, CollectingSink.Collected::line, read -> read.signIn().signInId())
                .containsExactly(
                        tuple(1L, 2L, "77770000-0000-4000-8000-000000000001"),
                        tuple(7L, 8L, "77770000-0000-4000-8000-000000000007"),
                        tuple(11L, 14L, "77770000-0000-4000-8000-000000000011"));
        assertThat(outcome.sink().rejects())
                .extracting(reject -> reject.message(MALFORMED))
                .containsExactly(
                        "Invalid sign-in time in " + MALFORMED + " at record 2 (line 3), field 'Date (UTC)': '2025-13-45T00:00:00Z';"
                                + " expected an ISO-8601 date-time (2022-09-30T23:59:59Z) or a display date-time (9/30/2022 11:59:59 PM)",
                        "Missing user principal name in " + MALFORMED + " at record 3 (line 4), field 'Username'",
                        "Wrong number of cells in " + MALFORMED + " at record 4 (line 5): '3'; expected 57 cells, one per header column",
                        "Invalid sign-in error code in " + MALFORMED + " at record 5 (line 6), field 'Sign-in error code': 'AADSTS50126';"
                                + " expected an integer such as 50126 (0 means success)",
                        "Missing sign-in id in " + MALFORMED + " at record 6 (line 7), field 'Request ID'",
                        "Invalid sign-in status in " + MALFORMED + " at record 8 (line 10), field 'Status': 'Maybe';"
                                + " expected Success, Failure or Interrupted",
                        "Missing sign-in error code in " + MALFORMED + " at record 9 (line 11), field 'Sign-in error code'",
                        "Missing sign-in time in " + MALFORMED + " at record 10 (line 13), field 'Date (UTC)'");
        Reject tooFewCells = outcome.sink().rejects().get(2);
        assertThat(tooFewCells.field()).isEmpty();
        assertThat(tooFewCells.rawText()).isEqualTo("\"2025-05-06T08:19:41Z\",\"77770000-0000-4000-8000-000000000004\",\"CBAInPROD\"");
    }

    @Test
    void keepsTheExactTextOfMultiLineRecords()
            throws IOException
    {
        String header = "\"Date (UTC)\",\"Request ID\",\"User\",\"Username\",\"Status\",\"Sign-in error code\",\"Failure reason\",\"Client app\"\r\n";
        String first = "\"2025-01-02T03:04:05Z\",\"id-1\",\"Kim\",\"kim@contoso.com\",\"Failure\",\"500\"\"11\",\"a,\r\n\"\"b\"\"\r\nc\",\"IMAP4\"";
        String second = "\"2025-01-02T03:04:06Z\",\"id-2\",\"Kim\",\"kim@contoso.com\",\"Success\",\"\",\"\",\"POP3\"";
        CollectingSink sink = new CollectingSink();

        TestingExports.read("multi-line.csv", (header + first + "\r\n\r\n" + second + "\r\n").getBytes(StandardCharsets.UTF_8), sink);

        assertThat(sink.rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.record()).isEqualTo(1);
            assertThat(reject.line()).isEqualTo(2);
            assertThat(reject.field()).contains("Sign-in error code");
            assertThat(reject.value()).contains("500\"11");
            assertThat(reject.rawText()).isEqualTo(first);
        });
        assertThat(sink.signIns()).singleElement().satisfies(read -> {
            assertThat(read.record()).isEqualTo(2);
            assertThat(read.line()).isEqualTo(6);
            assertThat(read.signIn().protocol()).isEqualTo(Protocol.POP);
        });
    }

    @Test
    void mapsColumnsByNameWhateverTheirOrder()
            throws IOException
    {
        // Columns reordered, an unknown column added, optional ones missing, Username given twice (first wins),
        // header names with odd spacing and case, values with surrounding spaces.
        String csv = """
                "Client app","Unknown future column"," username ","Request ID","date (utc)","Status","Username"
                "Exchange ActiveSync","x","First@Contoso.com"," id-9 "," 2025-02-03T04:05:06Z ","Success","second@contoso.com"
                """;
        CollectingSink sink = new CollectingSink();

        TestingExports.read("reordered.csv", csv.getBytes(StandardCharsets.UTF_8), sink);

        assertThat(sink.rejects()).isEmpty();
        assertThat(sink.signIns()).singleElement().satisfies(read -> {
            SignIn signIn = read.signIn();
            assertThat(signIn.signInId()).isEqualTo("id-9");
            assertThat(signIn.userPrincipalName()).isEqualTo("first@contoso.com");
            assertThat(signIn.protocol()).isEqualTo(Protocol.EAS);
            assertThat(signIn.succeeded()).isTrue();
            assertThat(signIn.errorCode()).isZero();
            assertThat(signIn.location()).isEmpty();
            assertThat(signIn.userDisplayName()).isEmpty();
        });
    }

    @Test
    void rejectsEveryRowOfAnApplicationSignInsExport()
            throws IOException
    {
        Outcome outcome = TestingExports.read("entra-service-principal");

        assertThat(outcome.result().format()).isEqualTo("entra-csv");
        assertThat(outcome.sink().signIns()).isEmpty();
        assertThat(outcome.sink().rejects())
                .extracting(Reject::record, Reject::line, Reject::problem)
                .containsExactly(
                        tuple(1L, 2L, "Not a user sign-in (the file holds application (service principal) sign-ins, which have no user)"),
                        tuple(2L, 3L, "Not a user sign-in (the file holds application (service principal) sign-ins, which have no user)"));
    }

    @Test
    void reportsAFileCutShortInsideAQuotedCell()
    {
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> TestingExports.read("entra-truncated", sink))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot read InteractiveSignIns_2022-11-01_2022-11-30.csv: the file ends inside a quoted cell"
                        + " (it is cut short, or a quote is not closed), in the record starting on line 3");
        assertThat(sink.signIns()).singleElement().satisfies(read -> {
            assertThat(read.record()).isEqualTo(1);
            assertThat(read.signIn().signInId()).isEqualTo("99990000-0000-4000-8000-000000000001");
        });
        assertThat(sink.rejects()).isEmpty();
    }

    @Test
    void reportsBytesThatAreNotUtf8PastTheHead()
    {
        StringBuilder csv = new StringBuilder("\"Date (UTC)\",\"Request ID\",\"Username\",\"Status\",\"Client app\"\n");
        int rows = 6000;
        for (int row = 1; row <= rows; row++) {
            csv.append("\"2025-01-02T03:04:05Z\",\"id-").append(row).append("\",\"user@contoso.com\",\"Success\",\"IMAP4\"\n");
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"2025-01-02T03:04:05Z\",\"id-x\",\"m\u00FCller@contoso.com\",\"Success\",\"IMAP4\"\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[text.length + tail.length];
        System.arraycopy(text, 0, bytes, 0, text.length);
        System.arraycopy(tail, 0, bytes, text.length, tail.length);
        assertThat(bytes.length).as("the bad byte lies past the part decoded for detection").isGreaterThan(4 * 64 * 1024);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> TestingExports.read("latin1.csv", bytes, sink))
                .isInstanceOf(CsvDecodingException.class)
                .hasMessage("Cannot read latin1.csv: line 6002 is not valid UTF-8 (java.nio.charset.MalformedInputException: Input length = 1)")
                .satisfies(exception -> assertThat(ExportFormats.isDecodingError((IOException) exception)).isTrue());
        assertThat(sink.signIns()).hasSize(rows);
        assertThat(sink.rejects()).isEmpty();
    }

    @Test
    void takesTheUserColumnOnlyWhenItHoldsAUserPrincipalName()
    {
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName("eri.kato@contoso.com")).isTrue();
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName(" eri.kato@contoso.com ")).isTrue();
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName("Eri Kato")).isFalse();
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName("Eri Kato @ Contoso")).isFalse();
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName("@contoso.com")).isFalse();
        assertThat(EntraCsvFormat.looksLikeUserPrincipalName("eri@")).isFalse();
    }

    @Test
    void readsStatusesWithoutAnErrorCode()
            throws IOException
    {
        String csv = """
                "Date (UTC)","Request ID","Username","Status","Sign-in error code"
                "2025-01-02T03:04:05Z","id-1","a@contoso.com","","0"
                "2025-01-02T03:04:05Z","id-2","a@contoso.com","","50126"
                "2025-01-02T03:04:05Z","id-3","a@contoso.com","",""
                "2025-01-02T03:04:05Z","id-4","a@contoso.com","中断","50074"
                """;
        CollectingSink sink = new CollectingSink();

        TestingExports.read("statuses.csv", csv.getBytes(StandardCharsets.UTF_8), sink);

        assertThat(sink.signIns())
                .extracting(read -> read.signIn().signInId(), read -> read.signIn().succeeded(), read -> read.signIn().errorCode())
                .containsExactly(tuple("id-1", true, 0), tuple("id-2", false, 50126), tuple("id-4", false, 50074));
        assertThat(sink.rejects())
                .extracting(reject -> reject.message("statuses.csv"))
                .containsExactly("Missing sign-in status in statuses.csv at record 3 (line 4), field 'Status'");
        assertThat(sink.rejects().get(0).value()).isEqualTo(Optional.empty());
    }
}
