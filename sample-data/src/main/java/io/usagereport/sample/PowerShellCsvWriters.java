package io.usagereport.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code Export-Csv} of sign-in objects, as Windows PowerShell 5.1 and PowerShell 7 write it. */
final class PowerShellCsvWriters
{
    static final String WINDOWS_TYPE_LINE = "#TYPE Microsoft.Open.MSGraphBeta.Model.SignIn";

    /** The properties of {@code Get-AzureADAuditSignInLogs}' objects, in their order (no user agent in that model). */
    static final List<String> WINDOWS_HEADER = List.of(
            "Id", "CreatedDateTime", "UserDisplayName", "UserPrincipalName", "UserId", "AppId", "AppDisplayName", "IpAddress",
            "ClientAppUsed", "CorrelationId", "ConditionalAccessStatus", "OriginalRequestId", "IsInteractive",
            "TokenIssuerName", "TokenIssuerType", "ProcessingTimeInMilliseconds", "RiskDetail", "RiskLevelAggregated",
            "RiskLevelDuringSignIn", "RiskState", "RiskEventTypes", "RiskEventTypes_V2", "ResourceDisplayName", "ResourceId",
            "AuthenticationMethodsUsed", "Status", "DeviceDetail", "Location", "MfaDetail",
            "AppliedConditionalAccessPolicies", "AuthenticationProcessingDetails", "NetworkLocationDetails");

    /** {@code Get-MgBetaAuditLogSignIn | Select-Object …} with nested values flattened into dotted columns. */
    static final List<String> GRAPH_HEADER = List.of(
            "Id", "CreatedDateTime", "UserDisplayName", "UserPrincipalName", "UserId", "AppId", "AppDisplayName", "IPAddress",
            "ClientAppUsed", "UserAgent", "CorrelationId", "ConditionalAccessStatus", "IsInteractive", "ResourceDisplayName",
            "AuthenticationRequirement", "Status.ErrorCode", "Status.FailureReason", "Status.AdditionalDetails",
            "Location.City", "Location.State", "Location.CountryOrRegion", "DeviceDetail.Browser",
            "DeviceDetail.OperatingSystem", "DeviceDetail.IsCompliant", "DeviceDetail.IsManaged");

    private static final String STRING_LIST = "System.Collections.Generic.List`1[System.String]";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n")
            .get();

    private PowerShellCsvWriters() {}

    /**
     * Windows PowerShell 5.1: the {@code #TYPE} line, every cell quoted, nested objects as the multi-line text of
     * their {@code ToString()} ({@code class SignInStatus {…}}), en-US dates without milliseconds, and the default
     * ASCII encoding, which turns every non-ASCII character into {@code ?}.
     */
    static SignInWriter windows(Path path)
            throws IOException
    {
        Writer writer = OutputFiles.open(path, StandardCharsets.US_ASCII, false);
        writer.write(WINDOWS_TYPE_LINE);
        writer.write("\r\n");
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(WINDOWS_HEADER);
        return new CsvRowWriter(printer)
        {
            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                ClientKind.Application application = signIn.kind().application();
                printer.printRecord(
                        signIn.id(),
                        SampleTimes.format(SampleTimes.EN_US, signIn.createdAt()),
                        signIn.userDisplayName(),
                        signIn.userPrincipalName(),
                        signIn.userId(),
                        application.id(),
                        application.displayName(),
                        signIn.ipAddress(),
                        signIn.clientApp(),
                        signIn.correlationId(),
                        signIn.conditionalAccessStatus(),
                        signIn.id(),
                        signIn.interactive() ? "True" : "False",
                        "",
                        "AzureAD",
                        Integer.toString(signIn.latencyMilliseconds()),
                        "none",
                        "none",
                        "none",
                        "none",
                        STRING_LIST,
                        STRING_LIST,
                        application.resourceDisplayName(),
                        application.resourceId(),
                        STRING_LIST,
                        statusText(signIn),
                        deviceDetailText(signIn),
                        locationText(signIn.city()),
                        signIn.multifactor() ? "class MfaDetail {\n  AuthMethod: Previously satisfied\n  AuthDetail: \n}\n" : "",
                        "System.Collections.Generic.List`1[Microsoft.Open.MSGraphBeta.Model.AppliedConditionalAccessPolicy]",
                        "System.Collections.Generic.List`1[Microsoft.Open.MSGraphBeta.Model.KeyValue]",
                        "System.Collections.Generic.List`1[Microsoft.Open.MSGraphBeta.Model.NetworkLocationDetail]");
                count();
            }
        };
    }

    /** PowerShell 7, Graph SDK objects flattened: no {@code #TYPE} line, ja-JP dates, UTF-8 with a byte order mark. */
    static SignInWriter graph(Path path)
            throws IOException
    {
        CSVPrinter printer = new CSVPrinter(OutputFiles.open(path, StandardCharsets.UTF_8, true), FORMAT);
        printer.printRecord(GRAPH_HEADER);
        return new CsvRowWriter(printer)
        {
            @Override
            public void write(SampleSignIn signIn)
                    throws IOException
            {
                ClientKind.Application application = signIn.kind().application();
                printer.printRecord(
                        signIn.id(),
                        SampleTimes.format(SampleTimes.JA_JP, signIn.createdAt()),
                        signIn.userDisplayName(),
                        signIn.userPrincipalName(),
                        signIn.userId(),
                        application.id(),
                        application.displayName(),
                        signIn.ipAddress(),
                        signIn.clientApp(),
                        signIn.userAgent(),
                        signIn.correlationId(),
                        signIn.conditionalAccessStatus(),
                        signIn.interactive() ? "True" : "False",
                        application.resourceDisplayName(),
                        signIn.authenticationRequirement(),
                        Integer.toString(signIn.outcome().errorCode()),
                        signIn.outcome().failureReason(),
                        "",
                        signIn.city().city(),
                        signIn.city().state(),
                        signIn.city().countryCode(),
                        signIn.kind().browser(),
                        signIn.kind().operatingSystem(),
                        "False",
                        "False");
                count();
            }
        };
    }

    private static String statusText(SampleSignIn signIn)
    {
        String reason = signIn.outcome().succeeded() ? "" : signIn.outcome().failureReason();
        return "class SignInStatus {\n"
                + "  ErrorCode: " + signIn.outcome().errorCode() + "\n"
                + "  FailureReason: " + reason + "\n"
                + "  AdditionalDetails: \n"
                + "}\n";
    }

    private static String deviceDetailText(SampleSignIn signIn)
    {
        return "class DeviceDetail {\n"
                + "  DeviceId: \n"
                + "  DisplayName: \n"
                + "  OperatingSystem: " + signIn.kind().operatingSystem() + "\n"
                + "  Browser: " + signIn.kind().browser() + "\n"
                + "  IsCompliant: \n"
                + "  IsManaged: \n"
                + "  TrustType: \n"
                + "}\n";
    }

    /** The nested coordinates print their own class block, as the generated model's {@code ToString()} does. */
    private static String locationText(SampleCity city)
    {
        return "class SignInLocation {\n"
                + "  City: " + city.city() + "\n"
                + "  State: " + city.state() + "\n"
                + "  CountryOrRegion: " + city.countryCode() + "\n"
                + "  GeoCoordinates: class GeoCoordinates {\n"
                + "  Altitude: \n"
                + "  Latitude: " + city.latitude() + "\n"
                + "  Longitude: " + city.longitude() + "\n"
                + "}\n"
                + "\n"
                + "}\n";
    }

    private abstract static class CsvRowWriter
            implements SignInWriter
    {
        private final CSVPrinter printer;
        private long rows;

        CsvRowWriter(CSVPrinter printer)
        {
            this.printer = printer;
        }

        void count()
        {
            rows++;
        }

        @Override
        public long rows()
        {
            return rows;
        }

        @Override
        public void close()
                throws IOException
        {
            printer.close(true);
        }
    }
}
