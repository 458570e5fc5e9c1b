package io.usagereport.ingest.format;

import io.usagereport.ingest.testing.TestingExports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each CSV export is recognised by exactly one registered format, from its content alone. */
class CsvFormatDetectionTest
{
    private static final List<String> CSV_FORMATS = List.of("entra-csv", "powershell-csv", "log-analytics-csv");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            entra-era-a-44,             entra-csv
            entra-era-b-49,             entra-csv
            entra-era-c-55,             entra-csv
            entra-era-d-57,             entra-csv
            entra-utf8-bom,             entra-csv
            entra-utf16le-bom,          entra-csv
            entra-malformed,            entra-csv
            entra-service-principal,    entra-csv
            powershell-azuread-type,    powershell-csv
            powershell-graph-flattened, powershell-csv
            powershell-graph-typename,  powershell-csv
            powershell-semicolon,       powershell-csv
            loganalytics-2023,          log-analytics-csv
            loganalytics-real,          log-analytics-csv
            """)
    void recognisesEachExportByExactlyOneFormat(String testCase, String expected)
            throws IOException
    {
        String head = TestingExports.head(testCase);

        assertThat(recognisers(head)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # a portal header without quotes, as an ETL note lists it
            Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,Client app                    | entra-csv
            # Export-Csv of a Log Analytics query run from PowerShell: no [UTC] suffix, but ResultType
            "TimeGenerated","ResultType","CreatedDateTime","Id","UserPrincipalName","ClientAppUsed"              | log-analytics-csv
            # Export-Csv of a PowerShell object without Id but with ClientAppUsed
            #TYPE Selected.Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignIn\r\n"CreatedDateTime";"UserPrincipalName";"ClientAppUsed" | powershell-csv
            """)
    void recognisesHeaderVariants(String head, String expected)
    {
        assertThat(recognisers(head.replace("\\r\\n", "\r\n"))).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"id\":\"x\",\"createdDateTime\":\"2025-01-01T00:00:00Z\",\"userPrincipalName\":\"a@b.c\"}]",
            "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":[]}",
            "{\"records\":[{\"time\":\"2022-01-24T05:10:08Z\",\"properties\":{\"userPrincipalName\":\"a@b.c\"}}]}",
            "{\"time\":\"2022-01-24T05:10:08Z\",\"category\":\"SignInLogs\",\"properties\":{}}\n{\"time\":\"x\"}",
            "\"CreatedDateTime\",\"UserPrincipalName\"\n",
            "Date,User,Application\n2025-01-01,a,b\n",
            "#TYPE System.Management.Automation.PSCustomObject\n",
            ""})
    void recognisesNoOtherContent(String head)
    {
        // JSON formats may claim JSON; no CSV format may
        assertThat(recognisers(head)).doesNotContainAnyElementsOf(CSV_FORMATS);
    }

    /** Every registered format that recognises {@code head}, so that no other format may claim a CSV export either. */
    private static List<String> recognisers(String head)
    {
        return ExportFormats.all().stream()
                .filter(format -> format.recognizes(head))
                .map(ExportFormat::name)
                .toList();
    }
}
