package io.usagereport.ingest.format.powershell;

import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.testing.CollectingSink;
import io.usagereport.ingest.testing.TestingExports;
import io.usagereport.ingest.testing.TestingExports.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PowerShellCsvFormatTest
{
    @Test
    void readsTheAzureAdModuleExportWithTypeLineAndMultiLineCells()
            throws IOException
    {
        Outcome outcome = TestingExports.read("powershell-azuread-type");

        assertThat(outcome.result().format()).isEqualTo("powershell-csv");
        assertThat(outcome.sink().rejects()).isEmpty();
        // line 1 is #TYPE, line 2 the header; each record spans 26 lines
        assertThat(outcome.sink().signIns())
                .extracting(CollectingSink.Collected::record, CollectingSink.Collected::line, read -> read.signIn().protocol(),
                        read -> read.signIn().errorCode(), read -> read.signIn().location().orElseThrow())
                .containsExactly(
                        tuple(1L, 3L, Protocol.IMAP, 0, "Tokyo, Tokyo, JP"),
                        tuple(2L, 29L, Protocol.POP, 50126, "Tokyo, Tokyo, JP"),
                        tuple(3L, 55L, Protocol.EAS, 0, "JP"));
        SignIn failure = outcome.sink().signIns().get(1).signIn();
        assertThat(failure.succeeded()).isFalse();
        assertThat(failure.failureReason()).contains("Invalid username or password or Invalid on-premise username or password.");
        assertThat(failure.ipAddress()).contains("203.0.113.20");
        assertThat(outcome.sink().signIns().get(0).signIn().createdAt()).isEqualTo(Instant.parse("2021-11-15T01:02:03.0039859Z"));
    }

    @Test
    void readsFlattenedGraphSdkColumnsAndRejectsRowsWithoutAStatus()
            throws IOException
    {
        Outcome outcome = TestingExports.read("powershell-graph-flattened");

        assertThat(outcome.sink().signIns())
                .extracting(read -> read.signIn().createdAt(), read -> read.signIn().protocol(), read -> read.signIn().succeeded(),
                        read -> read.signIn().errorCode())
                .containsExactly(
                        tuple(Instant.parse("2024-05-13T15:59:27Z"), Protocol.MAPI, true, 0),
                        tuple(Instant.parse("2024-05-13T11:05:00Z"), Protocol.EWS, false, 50126));
        assertThat(outcome.sink().signIns().get(0).signIn().location()).contains("Yokohama, Kanagawa, JP");
        assertThat(outcome.sink().rejects()).singleElement().satisfies(reject -> {
            assertThat(reject.record()).isEqualTo(3);
            assertThat(reject.line()).isEqualTo(4);
            assertThat(reject.message("signins-mg.csv")).isEqualTo("Missing sign-in status: the export printed the nested Status object"
                    + " as its type name in signins-mg.csv at record 3 (line 4), field 'Status':"
                    + " 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus'; expected a Status.ErrorCode column"
                    + " (flatten Status before Export-Csv, e.g. Select-Object @{n='Status.ErrorCode';e={$_.Status.ErrorCode}})");
        });
    }

    @Test
    void rejectsGraphSdkRowsWhoseStatusIsOnlyATypeName()
            throws IOException
    {
        Outcome outcome = TestingExports.read("powershell-graph-typename");

        assertThat(outcome.result().format()).isEqualTo("powershell-csv");
        assertThat(outcome.sink().signIns()).isEmpty();
        assertThat(outcome.sink().rejects())
                .extracting(Reject::record, Reject::line, Reject::problem, reject -> reject.value().orElse("(none)"))
                .containsExactly(
                        tuple(1L, 3L, PowerShellCsvFormat.STATUS_TYPE_NAME, "Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus"),
                        tuple(2L, 4L, "Missing sign-in status", "(none)"));
    }

    @Test
    void readsSemicolonDelimitedCultureExports()
            throws IOException
    {
        Outcome outcome = TestingExports.read("powershell-semicolon");

        assertThat(outcome.sink().signIns())
                .extracting(read -> read.signIn().signInId(), read -> read.signIn().createdAt(), read -> read.signIn().protocol(),
                        read -> read.signIn().errorCode(), read -> read.signIn().failureReason().orElse("(none)"))
                .containsExactly(
                        tuple("dd000000-0000-4000-8000-000000000001", Instant.parse("2024-05-13T15:59:27Z"), Protocol.IMAP, 0, "(none)"),
                        tuple("dd000000-0000-4000-8000-000000000002", Instant.parse("2024-05-14T07:00:00Z"), Protocol.SMTP_AUTH, 50126,
                                "Error validating credentials; invalid password."));
        assertThat(outcome.sink().rejects())
                .extracting(reject -> reject.message("signins-de.csv"))
                .containsExactly("Invalid sign-in time in signins-de.csv at record 3 (line 4), field 'createdDateTime':"
                        + " '31.02.2024 07:00:00'; expected an ISO-8601 date-time (2022-09-30T23:59:59Z) or a display date-time"
                        + " (9/30/2022 11:59:59 PM)");
    }

    @Test
    void rejectsBadErrorCodesAndMissingValues()
            throws IOException
    {
        String csv = "\"CreatedDateTime\",\"Id\",\"UserPrincipalName\",\"ClientAppUsed\",\"Status.ErrorCode\"\n"
                + "\"5/13/2024 3:59:27 PM\",\"id-1\",\"a@contoso.com\",\"POP3\",\"fifty\"\n"
                + "\"5/13/2024 3:59:27 PM\",\"id-2\",\"\",\"POP3\",\"0\"\n"
                + "\"5/13/2024 3:59:27 PM\",\"\",\"a@contoso.com\",\"POP3\",\"0\"\n"
                + "\"5/13/2024 3:59:27 PM\",\"id-4\",\"a@contoso.com\"\n"
                + "\"5/13/2024 3:59:27 PM\",\"id-5\",\"a@contoso.com\",\"POP3\",\"0\"\n";
        CollectingSink sink = new CollectingSink();

        TestingExports.read("ps.csv", csv.getBytes(StandardCharsets.UTF_8), sink);

        assertThat(sink.signIns()).extracting(read -> read.signIn().signInId()).containsExactly("id-5");
        assertThat(sink.rejects())
                .extracting(reject -> reject.message("ps.csv"))
                .containsExactly(
                        "Invalid sign-in error code in ps.csv at record 1 (line 2), field 'Status.ErrorCode': 'fifty';"
                                + " expected an integer such as 50126 (0 means success)",
                        "Missing user principal name in ps.csv at record 2 (line 3), field 'UserPrincipalName'",
                        "Missing sign-in id in ps.csv at record 3 (line 4), field 'Id'",
                        "Wrong number of cells in ps.csv at record 4 (line 5): '3'; expected 5 cells, one per header column");
    }
}
