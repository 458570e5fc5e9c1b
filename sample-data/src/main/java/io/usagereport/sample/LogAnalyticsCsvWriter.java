package io.usagereport.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A Log Analytics query over {@code SigninLogs} and {@code AADNonInteractiveUserSignInLogs}, exported to CSV from
 * the portal: datetime columns carry a {@code [UTC]} suffix and display-style values ({@code 9/14/2022, 8:19:41.221 AM}),
 * dynamic columns hold JSON text (quotes doubled by CSV quoting), {@code ResultType} is the error code as text
 * ({@code 0} on success), booleans are {@code TRUE}/{@code FALSE}; cells are quoted only when needed; UTF-8 with a
 * byte order mark.
 */
final class LogAnalyticsCsvWriter
        implements SignInWriter
{
    static final List<String> HEADER = List.of(
            "TenantId", "SourceSystem", "TimeGenerated [UTC]", "ResourceId", "OperationName", "OperationVersion", "Category",
            "ResultType", "ResultSignature", "ResultDescription", "DurationMs", "CorrelationId", "Resource", "ResourceGroup",
            "ResourceProvider", "Identity", "Level", "Location", "AlternateSignInName", "AppDisplayName", "AppId",
            "AuthenticationDetails", "AuthenticationMethodsUsed", "AuthenticationProcessingDetails",
            "AuthenticationRequirement", "AuthenticationRequirementPolicies", "ClientAppUsed", "ConditionalAccessPolicies",
            "ConditionalAccessStatus", "CreatedDateTime [UTC]", "DeviceDetail", "IsInteractive", "Id", "IPAddress",
            "IsRisky", "LocationDetails", "MfaDetail", "NetworkLocationDetails", "OriginalRequestId",
            "ProcessingTimeInMilliseconds", "RiskDetail", "RiskEventTypes", "RiskEventTypes_V2", "RiskLevelAggregated",
            "RiskLevelDuringSignIn", "RiskState", "ResourceDisplayName", "ResourceIdentity", "ServicePrincipalId", "Status",
            "TokenIssuerName", "TokenIssuerType", "UserAgent", "UserDisplayName", "UserId", "UserPrincipalName",
            "AADTenantId", "UserType", "FlaggedForReview", "IPAddressFromResourceProvider", "SignInIdentifier",
            "SignInIdentifierType", "ResourceTenantId", "HomeTenantId", "UniqueTokenIdentifier", "SessionLifetimePolicies",
            "AutonomousSystemNumber", "AuthenticationProtocol", "CrossTenantAccessType", "Type");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private final CSVPrinter printer;
    private final String workspaceId;
    private long rows;

    LogAnalyticsCsvWriter(Path path, String workspaceId)
            throws IOException
    {
        this.workspaceId = workspaceId;
        this.printer = new CSVPrinter(OutputFiles.open(path, StandardCharsets.UTF_8, true), FORMAT);
        printer.printRecord(HEADER);
    }

    @Override
    public void write(SampleSignIn signIn)
            throws IOException
    {
        ClientKind.Application application = signIn.kind().application();
        // Log Analytics receives a record a little after the sign-in
        Instant timeGenerated = signIn.createdAt().plusMillis(45_000L + 250L * signIn.latencyMilliseconds());
        String errorCode = Integer.toString(signIn.outcome().errorCode());
        printer.printRecord(
                workspaceId,
                "Azure AD",
                SampleTimes.format(SampleTimes.LOG_ANALYTICS, timeGenerated),
                "/tenants/" + signIn.tenant().id() + "/providers/Microsoft.aadiam",
                "Sign-in activity",
                "1.0",
                signIn.interactive() ? "SignInLogs" : "NonInteractiveUserSignInLogs",
                errorCode,
                "None",
                signIn.outcome().succeeded() ? "" : signIn.outcome().failureReason(),
                "0",
                signIn.correlationId(),
                "Microsoft.aadiam",
                "Microsoft.aadiam",
                "Microsoft.aadiam",
                signIn.userDisplayName(),
                "4",
                signIn.city().countryCode(),
                signIn.userPrincipalName(),
                application.displayName(),
                application.id(),
                "[]",
                "[]",
                "[]",
                signIn.authenticationRequirement(),
                "[]",
                signIn.clientApp(),
                "[]",
                signIn.conditionalAccessStatus(),
                SampleTimes.format(SampleTimes.LOG_ANALYTICS, signIn.createdAt()),
                SignInJson.text(json -> {
                    json.writeStartObject();
                    json.writeStringField("deviceId", "");
                    json.writeStringField("operatingSystem", signIn.kind().operatingSystem());
                    json.writeStringField("browser", signIn.kind().browser());
                    json.writeEndObject();
                }),
                signIn.interactive() ? "TRUE" : "FALSE",
                signIn.id(),
                signIn.ipAddress(),
                "",
                SignInJson.text(json -> {
                    json.writeStartObject();
                    SignInJson.writeLocationFields(json, signIn.city());
                    json.writeEndObject();
                }),
                "{}",
                "[]",
                signIn.id(),
                Integer.toString(signIn.latencyMilliseconds()),
                "none",
                "[]",
                "[]",
                "none",
                "none",
                "none",
                application.resourceDisplayName(),
                application.resourceId(),
                "",
                SignInJson.text(json -> {
                    json.writeStartObject();
                    json.writeNumberField("errorCode", signIn.outcome().errorCode());
                    if (!signIn.outcome().succeeded()) {
                        json.writeStringField("failureReason", signIn.outcome().failureReason());
                    }
                    json.writeEndObject();
                }),
                "",
                "AzureAD",
                signIn.userAgent(),
                signIn.userDisplayName(),
                signIn.userId(),
                signIn.userPrincipalName(),
                signIn.tenant().id(),
                "Member",
                "FALSE",
                "",
                signIn.userPrincipalName(),
                "userPrincipalName",
                signIn.tenant().id(),
                signIn.tenant().id(),
                signIn.uniqueTokenIdentifier(),
                "[]",
                Integer.toString(signIn.city().autonomousSystemNumber()),
                signIn.authenticationProtocol(),
                "none",
                signIn.interactive() ? "SigninLogs" : "AADNonInteractiveUserSignInLogs");
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
