package io.usagereport.ingest.format.loganalytics;

import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.testing.CollectingSink;
import io.usagereport.ingest.testing.TestingExports;
import io.usagereport.ingest.testing.TestingExports.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LogAnalyticsCsvFormatTest
{
    @Test
    void readsTheRealAzureSentinelTrainingLabExport()
            throws IOException
    {
        Outcome outcome = TestingExports.read("loganalytics-real");

        assertThat(outcome.result().format()).isEqualTo("log-analytics-csv");
        assertThat(outcome.result().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(outcome.sink().rejects()).isEmpty();
        assertThat(outcome.sink().signIns()).hasSize(56);
        assertThat(outcome.sink().signIns())
                .extracting(CollectingSink.Collected::record)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 56).boxed().toList());
        Map<Integer, Long> errorCodes = outcome.sink().signIns().stream()
                .collect(Collectors.groupingBy(read -> read.signIn().errorCode(), Collectors.counting()));
        assertThat(errorCodes).isEqualTo(Map.of(0, 53L, 16000, 2L, 50058, 1L));
        assertThat(outcome.sink().signIns()).allSatisfy(read -> {
            assertThat(read.signIn().clientApp()).contains("Browser");
            assertThat(read.signIn().protocol()).isEqualTo(Protocol.MODERN);
            assertThat(read.signIn().userPrincipalName()).isEqualTo("adelev@m365x816222.onmicrosoft.com");
            assertThat(read.signIn().succeeded()).isEqualTo(read.signIn().errorCode() == 0);
        });
        assertThat(outcome.sink().signIns().stream().map(read -> read.signIn().signInId()).distinct()).hasSize(56);

        CollectingSink.Collected first = outcome.sink().signIns().get(0);
        assertThat(first.line()).isEqualTo(2);
        SignIn signIn = first.signIn();
        assertThat(signIn.signInId()).isEqualTo("cfb68155-70f5-4e28-b046-0a3a7086c401");
        assertThat(signIn.createdAt()).isEqualTo(Instant.parse("2021-04-28T14:08:45.221Z"));
        assertThat(signIn.userId()).contains("9b117c67-170e-4aed-9702-658b3fddc889");
        assertThat(signIn.userDisplayName()).contains("Adele Vance");
        assertThat(signIn.appDisplayName()).contains("Azure Portal");
        assertThat(signIn.ipAddress()).contains("175.45.176.99");
        assertThat(signIn.location()).contains("Azor, Tel Aviv, IL");
        assertThat(signIn.failureReason()).isEmpty();
        // each record spans several lines (pretty-printed JSON cells); the last starts on line 1150 of 1165
        assertThat(outcome.sink().signIns().get(1).line()).isEqualTo(18);
        assertThat(outcome.sink().signIns().get(55).line()).isEqualTo(1150);

        Map<String, SignIn> byId = outcome.sink().signIns().stream()
                .map(CollectingSink.Collected::signIn)
                .collect(Collectors.toMap(SignIn::signInId, Function.identity()));
        assertThat(byId.get("dffdd8fc-a142-4ddd-8ced-0192613f6901"))
                .extracting(SignIn::errorCode, SignIn::succeeded, SignIn::createdAt)
                .containsExactly(50058, false, Instant.parse("2021-04-28T14:29:16.617Z"));
        assertThat(byId.get("d8acd976-4765-4bb7-805b-9d110f3d5a01").failureReason()).contains("Other");
    }

    @Test
    void readsDynamicColumnsAndRejectsBadOnes()
            throws IOException
    {
        Outcome outcome = TestingExports.read("loganalytics-2023");

        assertThat(outcome.sink().signIns())
                .extracting(CollectingSink.Collected::record, CollectingSink.Collected::line, read -> read.signIn().protocol(),
                        read -> read.signIn().errorCode(), read -> read.signIn().location().orElseThrow())
                .containsExactly(
                        tuple(1L, 2L, Protocol.IMAP, 0, "Sendai, Miyagi, JP"),
                        tuple(2L, 3L, Protocol.EAS, 50126, "Sendai, Miyagi, JP"),
                        tuple(3L, 8L, Protocol.POP, 0, "JP"));
        assertThat(outcome.sink().rejects())
                .extracting(reject -> reject.message("query_data.csv"))
                .containsExactly(
                        "Invalid sign-in error code in query_data.csv at record 4 (line 9), field 'ResultType': '0x0';"
                                + " expected an integer such as 50126 (0 means success)",
                        "Invalid sign-in status in query_data.csv at record 5 (line 10), field 'Status': '{\"errorCode\":0';"
                                + " expected a JSON object such as {\"errorCode\":0}",
                        "Missing user principal name in query_data.csv at record 6 (line 11), field 'UserPrincipalName'");
    }

    @Test
    void takesTheErrorCodeFromTheStatusWhenThereIsNoResultType()
            throws IOException
    {
        String csv = """
                TimeGenerated [UTC],Id,UserPrincipalName,ClientAppUsed,Status_dynamic,Status_string,LocationDetails_dynamic
                "4/28/2021, 2:08:45.221 PM",id-1,a@contoso.com,IMAP4,"{""errorCode"":50126,""failureReason"":""Bad password""}",,
                "4/28/2021, 2:08:46 PM",id-2,a@contoso.com,IMAP4,,"{""errorCode"":""0""}",[]
                "4/28/2021, 2:08:47 PM",id-3,a@contoso.com,IMAP4,"{""errorCode"":""x1""}",,
                "4/28/2021, 2:08:48 PM",id-4,a@contoso.com,IMAP4,,,
                """;
        CollectingSink sink = new CollectingSink();

        TestingExports.read("la.csv", csv.getBytes(StandardCharsets.UTF_8), sink);

        assertThat(sink.signIns())
                .extracting(read -> read.signIn().signInId(), read -> read.signIn().createdAt(), read -> read.signIn().errorCode(),
                        read -> read.signIn().failureReason().orElse("(none)"))
                .containsExactly(tuple("id-1", Instant.parse("2021-04-28T14:08:45.221Z"), 50126, "Bad password"));
        assertThat(sink.rejects())
                .extracting(reject -> reject.message("la.csv"))
                .containsExactly(
                        "Invalid sign-in location in la.csv at record 2 (line 3), field 'LocationDetails_dynamic': '[]';"
                                + " expected a JSON object such as {\"city\":\"Azor\",\"state\":\"Tel Aviv\",\"countryOrRegion\":\"IL\"}",
                        "Invalid sign-in error code in la.csv at record 3 (line 4), field 'Status_dynamic': '\"x1\"';"
                                + " expected an integer such as 50126 (0 means success)",
                        "Missing sign-in status in la.csv at record 4 (line 5), field 'ResultType'");
    }
}
