package io.usagereport.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of the committed sample files, checked against literal text as real exports show it. */
class TestSampleFormats
{
    private static final Path EXPORTS = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("exports");

    private static final String CURRENT_HEADER = "\"Date (UTC)\",\"Request ID\",\"User agent\",\"Correlation ID\",\"User ID\",\"User\","
            + "\"Username\",\"User type\",\"Cross tenant access type\",\"Incoming token type\",\"Authentication Protocol\","
            + "\"Unique token identifier\",\"Original transfer method\",\"Client credential type\","
            + "\"Token Protection - Sign In Session\",\"Token Protection - Sign In Session StatusCode\",\"Application\","
            + "\"Application ID \",\"App owner tenant ID\",\"Resource\",\"Resource ID \",\"Resource tenant ID\","
            + "\"Resource owner tenant ID\",\"Home tenant ID\",\"Home tenant name\",\"IP address\",\"Location\",\"Status\","
            + "\"Sign-in error code\",\"Failure reason\",\"Client app\",\"Device ID\",\"Browser\",\"Operating System\","
            + "\"Compliant\",\"Managed\",\"Join Type\",\"Multifactor authentication result\","
            + "\"Multifactor authentication auth method\",\"Multifactor authentication auth detail\","
            + "\"Authentication requirement\",\"Sign-in identifier\",\"Session ID\",\"IP address (seen by resource)\","
            + "\"Through Global Secure Access\",\"Global Secure Access IP address\",\"Autonomous system  number\","
            + "\"Flagged for review\",\"Token issuer type\",\"Incoming token type\",\"Token issuer name\",\"Latency\","
            + "\"Conditional Access\",\"Managed Identity type\",\"Associated Resource Id\",\"Federated Token Id\","
            + "\"Federated Token Issuer\"";

    private static final String LEGACY_HEADER = "\"Date (UTC)\",\"Request ID\",\"Correlation ID\",\"User ID\",\"User\",\"Username\","
            + "\"User type\",\"Cross tenant access type\",\"Incoming token type\",\"Authentication Protocol\","
            + "\"Unique token identifier\",\"Client credential type\",\"Application\",\"Application ID \",\"Resource\","
            + "\"Resource ID \",\"Resource tenant ID\",\"Home tenant ID\",\"Home tenant name\",\"IP address\",\"Location\","
            + "\"Status\",\"Sign-in error code\",\"Failure reason\",\"Client app\",\"Device ID\",\"Browser\","
            + "\"Operating System\",\"Compliant\",\"Managed\",\"Join Type\",\"Multifactor authentication result\","
            + "\"Multifactor authentication auth method\",\"Multifactor authentication auth detail\","
            + "\"Authentication requirement\",\"Sign-in identifier\",\"IP address (seen by resource)\","
            + "\"Autonomous system  number\",\"Flagged for review\",\"Token issuer type\",\"Incoming token type\","
            + "\"Token issuer name\",\"Latency\",\"Conditional Access\"";

    @Test
    void entraCsvCurrentHeader()
            throws IOException
    {
        for (Path file : files(SampleFormat.ENTRA_CSV)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF" + CURRENT_HEADER + "\r\n");
            List<CSVRecord> records = ExportRows.csvRecords(ExportRows.text(file));
            assertThat(records.get(0).size()).isEqualTo(57);
            assertThat(records).allSatisfy(record -> assertThat(record.size()).isEqualTo(57));
            checkPortalRows(text, records);
        }
        assertThat(files(SampleFormat.ENTRA_CSV)).extracting(file -> file.getFileName().toString()).containsExactly(
                "InteractiveSignIns_2022-08-31_2022-09-15.csv", "NonInteractiveSignIns_2022-08-31_2022-10-01.csv");
    }

    @Test
    void entraCsvLegacyHeader()
            throws IOException
    {
        List<Path> files = files(SampleFormat.ENTRA_CSV_LEGACY);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("NonInteractiveSignIns_2022-09-16_2022-10-01.csv");
        String text = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(text).startsWith(LEGACY_HEADER + "\r\n");
        List<CSVRecord> records = ExportRows.csvRecords(text);
        assertThat(records).allSatisfy(record -> assertThat(record.size()).isEqualTo(44));
        checkPortalRows(text, records);
    }

    private static void checkPortalRows(String text, List<CSVRecord> records)
    {
        List<String> header = records.get(0).toList();
        for (String line : text.split("\r\n")) {
            // every cell quoted; no cell holds a quote or a line break
            assertThat(line.replace("\uFEFF", "")).matches("\"[^\"]*\"(,\"[^\"]*\")*");
        }
        for (CSVRecord record : records.subList(1, records.size())) {
            String date = record.get(header.indexOf("Date (UTC)"));
            if (!date.startsWith("2022-09-31") && !date.startsWith("2022-13")) {
                assertThat(date).matches("2022-(08-31|09-\\d\\d|10-01)T\\d\\d:\\d\\d:\\d\\dZ");
            }
            String status = record.get(header.indexOf("Status"));
            String errorCode = record.get(header.indexOf("Sign-in error code"));
            assertThat(status).isIn("Success", "Failure", "Interrupted");
            assertThat(errorCode.isEmpty()).isEqualTo(status.equals("Success"));
            assertThat(errorCode).matches("|50126|50053|50074|53003");
            assertThat(record.get(header.indexOf("Location"))).matches("[A-Za-z ]+, [A-Za-z ]*, [A-Z]{2}");
            assertThat(record.get(header.indexOf("Request ID"))).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
    }

    @Test
    void powerShellWindowsCsv()
            throws IOException
    {
        List<Path> files = files(SampleFormat.POWERSHELL_WINDOWS_CSV);
        assertThat(files).hasSize(1);
        byte[] bytes = Files.readAllBytes(files.get(0));
        for (byte value : bytes) {
            assertThat(value).isBetween((byte) 0, (byte) 127);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("#TYPE Microsoft.Open.MSGraphBeta.Model.SignIn\r\n"
                + "\"Id\",\"CreatedDateTime\",\"UserDisplayName\",\"UserPrincipalName\",\"UserId\",\"AppId\",\"AppDisplayName\","
                + "\"IpAddress\",\"ClientAppUsed\",\"CorrelationId\",\"ConditionalAccessStatus\",\"OriginalRequestId\","
                + "\"IsInteractive\",\"TokenIssuerName\",\"TokenIssuerType\",\"ProcessingTimeInMilliseconds\",\"RiskDetail\","
                + "\"RiskLevelAggregated\",\"RiskLevelDuringSignIn\",\"RiskState\",\"RiskEventTypes\",\"RiskEventTypes_V2\","
                + "\"ResourceDisplayName\",\"ResourceId\",\"AuthenticationMethodsUsed\",\"Status\",\"DeviceDetail\",\"Location\","
                + "\"MfaDetail\",\"AppliedConditionalAccessPolicies\",\"AuthenticationProcessingDetails\","
                + "\"NetworkLocationDetails\"\r\n");
        List<CSVRecord> records = ExportRows.csvRecords(text.substring(text.indexOf('\n') + 1));
        List<String> header = records.get(0).toList();
        assertThat(records.size()).isGreaterThan(100);
        for (CSVRecord record : records.subList(1, records.size())) {
            assertThat(record.size()).isEqualTo(32);
            assertThat(record.get(header.indexOf("CreatedDateTime"))).matches("(8/31|9/\\d{1,2}|10/1)/2022 \\d{1,2}:\\d\\d:\\d\\d (AM|PM)");
            assertThat(record.get(header.indexOf("Status")))
                    .matches("class SignInStatus \\{\n  ErrorCode: \\d+\n  FailureReason: [^\n]*\n  AdditionalDetails: \n\\}\n");
            assertThat(record.get(header.indexOf("Location"))).startsWith("class SignInLocation {\n  City: ").endsWith("\n}\n");
            assertThat(record.get(header.indexOf("IsInteractive"))).isIn("True", "False");
        }
    }

    @Test
    void powerShellGraphCsv()
            throws IOException
    {
        List<Path> files = files(SampleFormat.POWERSHELL_GRAPH_CSV);
        assertThat(files).hasSize(1);
        String text = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"Id\",\"CreatedDateTime\",\"UserDisplayName\",\"UserPrincipalName\",\"UserId\",\"AppId\","
                + "\"AppDisplayName\",\"IPAddress\",\"ClientAppUsed\",\"UserAgent\",\"CorrelationId\",\"ConditionalAccessStatus\","
                + "\"IsInteractive\",\"ResourceDisplayName\",\"AuthenticationRequirement\",\"Status.ErrorCode\","
                + "\"Status.FailureReason\",\"Status.AdditionalDetails\",\"Location.City\",\"Location.State\","
                + "\"Location.CountryOrRegion\",\"DeviceDetail.Browser\",\"DeviceDetail.OperatingSystem\","
                + "\"DeviceDetail.IsCompliant\",\"DeviceDetail.IsManaged\"\r\n");
        List<CSVRecord> records = ExportRows.csvRecords(ExportRows.text(files.get(0)));
        for (CSVRecord record : records.subList(1, records.size())) {
            assertThat(record.get(1)).matches("2022/(08/31|09/\\d\\d|10/01) \\d{1,2}:\\d\\d:\\d\\d");
            assertThat(record.get(15)).matches("0|50126|50053|50074|53003");
        }
        // ja-JP's long time pattern has no leading zero on the hour
        assertThat(records).anyMatch(record -> record.get(1).matches("2022/\\d\\d/\\d\\d \\d:\\d\\d:\\d\\d"));
    }

    @Test
    void logAnalyticsCsv()
            throws IOException
    {
        List<Path> files = files(SampleFormat.LOG_ANALYTICS_CSV);
        assertThat(files).hasSize(1);
        String text = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFTenantId,SourceSystem,TimeGenerated [UTC],ResourceId,OperationName,");
        assertThat(text).contains(",\"{\"\"errorCode\"\":0}\",", ",\"{\"\"city\"\":\"");
        List<CSVRecord> records = ExportRows.csvRecords(ExportRows.text(files.get(0)));
        List<String> header = records.get(0).toList();
        assertThat(header).contains("CreatedDateTime [UTC]", "ClientAppUsed", "ResultType", "Status", "LocationDetails", "Id");
        for (CSVRecord record : records.subList(1, records.size())) {
            assertThat(record.size()).isEqualTo(header.size());
            assertThat(record.get(header.indexOf("CreatedDateTime [UTC]")))
                    .matches("(8/31|9/\\d{1,2}|10/1)/2022, \\d{1,2}:\\d\\d:\\d\\d\\.\\d{3} (AM|PM)");
            JsonNode status = ExportRows.MAPPER.readTree(record.get(header.indexOf("Status")));
            assertThat(status.get("errorCode").asText()).isEqualTo(record.get(header.indexOf("ResultType")));
            assertThat(ExportRows.MAPPER.readTree(record.get(header.indexOf("LocationDetails"))).get("countryOrRegion").asText())
                    .isIn("US", "SG", "DE", "BR");
            assertThat(record.get(header.indexOf("Type"))).isIn("SigninLogs", "AADNonInteractiveUserSignInLogs");
        }
    }

    @Test
    void entraJson()
            throws IOException
    {
        List<Path> files = files(SampleFormat.ENTRA_JSON);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("InteractiveSignIns_2022-08-31_2022-10-01.json");
        JsonNode array = ExportRows.MAPPER.readTree(files.get(0).toFile());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isGreaterThan(100);
        for (JsonNode signIn : array) {
            assertThat(signIn.get("createdDateTime").asText()).matches("2022-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(signIn.get("isInteractive").asBoolean()).isTrue();
            assertThat(signIn.get("status").get("errorCode").isInt()).isTrue();
            assertThat(signIn.get("location").get("countryOrRegion").asText()).isIn("DE", "NL", "FR");
        }
    }

    @Test
    void graphPages()
            throws IOException
    {
        List<Path> files = files(SampleFormat.GRAPH_JSON_PAGES);
        assertThat(files).hasSize(1);
        List<JsonNode> pages = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = ExportRows.MAPPER.readerFor(JsonNode.class).readValues(files.get(0).toFile())) {
            iterator.forEachRemaining(pages::add);
        }
        assertThat(pages).hasSize(2);
        assertThat(pages).allSatisfy(page -> assertThat(page.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#auditLogs/signIns"));
        assertThat(pages.get(0).get("@odata.nextLink").asText()).startsWith("https://graph.microsoft.com/beta/auditLogs/signIns?$top=");
        assertThat(pages.get(1).has("@odata.nextLink")).isFalse();
        assertThat(pages.get(0).get("value").size() - pages.get(1).get("value").size()).isBetween(0, 1);
    }

    @Test
    void graphLines()
            throws IOException
    {
        List<Path> files = files(SampleFormat.GRAPH_JSON_LINES);
        assertThat(files).hasSize(1);
        List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        assertThat(lines.size()).isGreaterThan(20);
        for (String line : lines) {
            JsonNode signIn = ExportRows.MAPPER.readTree(line);
            assertThat(signIn.get("id").asText()).hasSize(36);
            assertThat(signIn.get("clientAppUsed").isTextual()).isTrue();
        }
    }

    @Test
    void diagnosticRecords()
            throws IOException
    {
        List<Path> files = files(SampleFormat.DIAGNOSTIC_RECORDS);
        assertThat(files).hasSize(2);
        Set<String> categories = new HashSet<>();
        for (Path file : files) {
            JsonNode records = ExportRows.MAPPER.readTree(file.toFile()).get("records");
            assertThat(records.size()).isGreaterThan(100);
            String tenantId = file.getParent().getFileName().toString();
            for (JsonNode record : records) {
                categories.add(record.get("category").asText());
                assertThat(record.get("tenantId").asText()).isEqualTo(tenantId);
                assertThat(record.get("time").asText()).matches("2022-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
                JsonNode properties = record.get("properties");
                assertThat(record.get("resultType").asText()).isEqualTo(properties.get("status").get("errorCode").asText());
                assertThat(properties.get("createdDateTime").asText()).matches("2022-.*\\.\\d{7}\\+00:00");
                assertThat(record.get("category").asText())
                        .isEqualTo(properties.get("isInteractive").asBoolean() ? "SignInLogs" : "NonInteractiveUserSignInLogs");
            }
        }
        assertThat(categories).containsExactlyInAnyOrder("SignInLogs", "NonInteractiveUserSignInLogs");
    }

    private static List<Path> files(SampleFormat format)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(EXPORTS)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> format == ExportRows.formatOf(file)
                            || (format == SampleFormat.ENTRA_CSV_LEGACY && ExportRows.formatOf(file) == SampleFormat.ENTRA_CSV
                            && isLegacy(file)))
                    .filter(file -> format != SampleFormat.ENTRA_CSV || !isLegacy(file))
                    .sorted(java.util.Comparator.comparing(file -> file.getFileName().toString()))
                    .collect(Collectors.toList());
        }
    }

    private static boolean isLegacy(Path file)
    {
        try {
            return !ExportRows.text(file).contains("\"User agent\"");
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
