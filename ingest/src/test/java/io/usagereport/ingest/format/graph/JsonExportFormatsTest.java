package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonExportFormatsTest
{
    private static final String SIGN_IN = "{\"id\":\"%s\",\"createdDateTime\":\"2022-01-01T00:00:00Z\",\"userPrincipalName\":\"user@contoso.com\","
            + "\"clientAppUsed\":\"IMAP4\",\"status\":{\"errorCode\":0}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            []                                                                  => entra-json
            `  [ {"id": "1", "createdDateTime": "2022-01-01T00:00:00Z"`          => entra-json
            `[{"Id": "1"}]`                                                      => entra-json
            `\uFEFF`                                                             =>
            `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata`     => graph-json
            `{"value":[]}`                                                       => graph-json
            `[{"@odata.context": "x", "value": [`                                => graph-json
            `{"id":"1","createdDateTime":"2022-01-01T00:00:00Z"}`                => graph-json
            `{"geo": {"a": 1}, "userPrincipalName": "a@b.c"`                     => graph-json
            `{"records": [`                                                      => diagnostic-json
            `{"time": "2022-01-24T05:15:00Z", "resourceId": "/tenants/x"`        => diagnostic-json
            `{"calleripaddress": "1.2.3.4", "category": "SignInLogs"`            => diagnostic-json
            `[{"category": "SignInLogs", "properties": {}}]`                     => diagnostic-json
            `"Date (UTC)","Request ID","User agent"`                             => entra-csv
            `Date (UTC),Request ID,Correlation ID`                               => entra-csv
            `#TYPE Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignIn`      =>
            `TimeGenerated [UTC],CreatedDateTime [UTC]`                          =>
            `{"title": "Basic Authentication", "severity": "normal"}`            =>
            `[1, 2]`                                                             =>
            `{not json`                                                          =>
            `[not json`                                                          =>
            `[{"id`                                                              =>
            `{"userAgent": "cut short`                                           => graph-json
            `{"foo": "cut short`                                                 =>
            `{"foo": 1, "bar": {"category": "x"}}`                               =>
            """)
    void recognisesShapesFromTheStartOfTheFile(String head, String expectedFormat)
    {
        List<String> claimedBy = ExportFormats.all().stream()
                .filter(format -> format.recognizes(head))
                .map(ExportFormat::name)
                .toList();
        assertThat(claimedBy).isEqualTo(expectedFormat == null ? List.of() : List.of(expectedFormat));
    }

    @Test
    void unterminatedArrayEndsTheFileNamingTheLine()
    {
        String text = "[\n" + SIGN_IN.formatted("a") + ",\n" + SIGN_IN.formatted("b") + ",\n";
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> read("cut.json", text, sink))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Cannot read cut.json: invalid JSON at line 4, column 1: "
                        + "Unexpected end-of-input within/between Array entries");
        assertThat(sink.signIns()).extracting(collected -> collected.signIn().signInId()).containsExactly("a", "b");
        assertThat(sink.rejects()).isEmpty();
    }

    @Test
    void garbageInTheMiddleEndsTheFileNamingTheLine()
    {
        String text = "{\"value\": [\n" + SIGN_IN.formatted("a") + ",\nnot-json,\n" + SIGN_IN.formatted("b") + "\n]}\n";
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> read("garbage.json", text, sink))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot read garbage.json: invalid JSON at line 3, column 1: Unrecognized token 'not': "
                        + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertThat(sink.signIns()).extracting(collected -> collected.signIn().signInId()).containsExactly("a");
    }

    @Test
    void jsonFileWithoutSignInsMatchesNoFormat()
    {
        assertThatThrownBy(() -> read("posts.json", "{\"title\": \"Monthly report\"}", new CollectingSink()))
                .isInstanceOf(UsageReportException.class)
                .hasMessage("Cannot read posts.json: its content matches no known sign-in export format "
                        + "(it starts with '{\"title\": \"Monthly report\"}')")
                .extracting(exception -> ((UsageReportException) exception).errorCode())
                .isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void emptyDownloadHasNoRecords()
            throws IOException
    {
        CollectingSink sink = new CollectingSink();

        ExportFormats.ReadResult result = read("empty.json", "[]\n", sink);

        assertThat(result.format()).isEqualTo("entra-json");
        assertThat(sink.signIns()).isEmpty();
        assertThat(sink.rejects()).isEmpty();
    }

    @Test
    void pagesOnePerLineAreJsonLines()
            throws IOException
    {
        String text = "{\"value\":[" + SIGN_IN.formatted("a") + "," + SIGN_IN.formatted("b") + "]}\n"
                + "{\"value\":[" + SIGN_IN.formatted("c") + ",\n"
                + "{\"value\":[" + SIGN_IN.formatted("d") + "]}\n";
        CollectingSink sink = new CollectingSink();

        ExportFormats.ReadResult result = read("pages.jsonl", text, sink);

        assertThat(result.format()).isEqualTo("graph-json");
        assertThat(sink.signIns())
                .extracting(collected -> collected.signIn().signInId() + " record " + collected.record() + " line " + collected.line())
                .containsExactly("a record 1 line 1", "b record 2 line 1", "c record 3 line 2", "d record 5 line 3");
        assertThat(sink.rejects()).extracting(reject -> reject.message("pages.jsonl")).containsExactly(
                "Malformed JSON line (column 151: Unexpected end-of-input within/between Array entries) "
                        + "in pages.jsonl at record 4 (line 2); expected one JSON object per line");
        assertThat(sink.rejects().get(0).rawText()).isEqualTo("{\"value\":[" + SIGN_IN.formatted("c") + ",");
    }

    @Test
    void jsonLinesMayStartWithBlankLines()
            throws IOException
    {
        String text = "\r\n\n" + SIGN_IN.formatted("a") + "\n{\"id\": \"broken\"\n" + SIGN_IN.formatted("b") + "\n";
        CollectingSink sink = new CollectingSink();

        read("blank-start.jsonl", text, sink);

        assertThat(sink.signIns()).extracting(collected -> collected.signIn().signInId() + " line " + collected.line())
                .containsExactly("a line 3", "b line 5");
        assertThat(sink.rejects()).extracting(reject -> reject.message("blank-start.jsonl")).containsExactly(
                "Malformed JSON line (column 16: Unexpected end-of-input: expected close marker for Object) "
                        + "in blank-start.jsonl at record 2 (line 4); expected one JSON object per line");
    }

    @Test
    void thirtyMegabyteStringEndsTheFileAfterTheRecordsBeforeIt()
    {
        // strings are bounded (JsonSignInReader.MAX_STRING_CHARACTERS) so that a hostile value cannot exhaust memory;
        // BigInputTest proves the bound under a small heap
        int length = 30 * 1024 * 1024;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length + 1024);
        bytes.writeBytes(("{\"value\":[" + SIGN_IN.formatted("first") + ",\n{\"id\":\"big\",\"createdDateTime\":\"2022-01-01T00:00:00Z\",\"userPrincipalName\":\"big@contoso.com\",\"status\":{\"errorCode\":0},\"userAgent\":\"").getBytes(StandardCharsets.UTF_8));
        byte[] filler = new byte[length];
        Arrays.fill(filler, (byte) 'x');
        bytes.writeBytes(filler);
        filler = null;
        bytes.writeBytes(("\"}," + SIGN_IN.formatted("next") + "]}").getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> ExportFormats.read("big.json", new ByteArrayInputStream(bytes.toByteArray()), Optional.empty(), sink))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot read big.json: invalid JSON at line 2, column ")
                .hasMessageEndingWith(" exceeds the maximum allowed (" + JsonSignInReader.MAX_STRING_CHARACTERS + ")");
        assertThat(sink.rejects()).isEmpty();
        assertThat(sink.signIns()).extracting(collected -> collected.signIn().signInId()).containsExactly("first");
    }

    @Test
    void longLineIsReadInJsonLines()
            throws IOException
    {
        // a line is held in memory while it is parsed; the 30 MB case above covers the size itself
        int length = 5 * 1024 * 1024;
        String text = SIGN_IN.formatted("first") + "\n"
                + "{\"id\":\"big\",\"createdDateTime\":\"2022-01-01T00:00:00Z\",\"userPrincipalName\":\"big@contoso.com\","
                + "\"status\":{\"errorCode\":0},\"userAgent\":\"" + "x".repeat(length) + "\"}\n"
                + SIGN_IN.formatted("last") + "\n";
        CollectingSink sink = new CollectingSink();

        ExportFormats.ReadResult result = read("big.jsonl", text, sink);

        assertThat(result.format()).isEqualTo("graph-json");
        assertThat(sink.rejects()).isEmpty();
        assertThat(sink.signIns()).extracting(collected -> collected.signIn().signInId() + " line " + collected.line())
                .containsExactly("first line 1", "big line 2", "last line 3");
        assertThat(sink.signIns().get(1).signIn().userAgent()).hasValueSatisfying(userAgent -> assertThat(userAgent).hasSize(length));
    }

    @Test
    void badBytesAfterTheHeadAreADecodingErrorInAnArray()
    {
        assertDecodingError("array.json", "[\n", ",\n", "]\n");
    }

    @Test
    void badBytesAfterTheHeadAreADecodingErrorInJsonLines()
    {
        assertDecodingError("lines.jsonl", "", "\n", "");
    }

    private static void assertDecodingError(String sourceFile, String open, String separator, String close)
    {
        // the head (256 KiB) decodes; the bad byte comes later, while records stream
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        for (int index = 0; index < 3000; index++) {
            bytes.writeBytes(SIGN_IN.formatted("id-" + index).getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("{\"id\":\"bad-\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(close.getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> ExportFormats.read(sourceFile, new ByteArrayInputStream(bytes.toByteArray()), Optional.empty(), sink))
                .isInstanceOfSatisfying(IOException.class, exception -> assertThat(ExportFormats.isDecodingError(exception)).isTrue());
        assertThat(sink.signIns()).hasSizeGreaterThan(1000);
    }

    @Test
    void longRejectedRecordIsReserialised()
            throws IOException
    {
        String userAgent = "y".repeat(JsonSignInReader.MAX_CAPTURED_CHARACTERS + 10);
        String text = "[\n  {\n    \"createdDateTime\": \"2022-01-01T00:00:00Z\",\n    \"userAgent\": \"" + userAgent + "\"\n  },\n"
                + "  {\n    \"id\": \"short\"\n  }\n]\n";
        CollectingSink sink = new CollectingSink();

        read("long.json", text, sink);

        assertThat(sink.rejects()).extracting(Reject::record, Reject::line, Reject::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 2L, "Missing sign-in id"),
                org.assertj.core.groups.Tuple.tuple(2L, 6L, "Missing sign-in time"));
        // too long to keep as written: compact JSON instead
        assertThat(sink.rejects().get(0).rawText()).isEqualTo("{\"createdDateTime\":\"2022-01-01T00:00:00Z\",\"userAgent\":\"" + userAgent + "\"}");
        // short records keep their original text
        assertThat(sink.rejects().get(1).rawText()).isEqualTo("{\n    \"id\": \"short\"\n  }");
    }

    private static ExportFormats.ReadResult read(String sourceFile, String text, CollectingSink sink)
            throws IOException
    {
        return ExportFormats.read(sourceFile, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Optional.empty(), sink);
    }
}
