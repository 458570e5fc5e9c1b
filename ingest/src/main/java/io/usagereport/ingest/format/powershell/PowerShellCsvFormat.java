package io.usagereport.ingest.format.powershell;

import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;
import io.usagereport.ingest.format.SignInTimes;
import io.usagereport.ingest.format.csv.CsvColumn;
import io.usagereport.ingest.format.csv.CsvHeader;
import io.usagereport.ingest.format.csv.CsvProblems;
import io.usagereport.ingest.format.csv.CsvRow;
import io.usagereport.ingest.format.csv.CsvTable;
import io.usagereport.ingest.format.csv.ErrorCodes;
import io.usagereport.ingest.format.csv.SignInLocations;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PowerShell {@code Export-Csv} of sign-in objects from {@code Get-AzureADAuditSignInLogs} (AzureAD module) or
 * {@code Get-MgAuditLogSignIn} / {@code Get-MgBetaAuditLogSignIn} (Microsoft Graph PowerShell SDK).
 *
 * <p>Recognised by a header with {@code CreatedDateTime}, {@code UserPrincipalName} and {@code Id} or
 * {@code ClientAppUsed}, and none of the Log Analytics marks ({@code [UTC]} suffixes, {@code ResultType},
 * {@code LocationDetails}, {@code Status_dynamic}) or the portal's {@code Date (UTC)}. An optional
 * {@code #TYPE …} first line (Windows PowerShell 5.1) is skipped, and a {@code ;}-delimited file
 * ({@code -UseCulture} on de-DE or fr-FR) is read too. Column names compare case-insensitively
 * ({@code IpAddress} and {@code IPAddress}).
 *
 * <p>{@code CreatedDateTime} is whatever the exporting PC's culture printed ({@code 5/13/2024 3:59:27 PM},
 * {@code 2024/05/13 15:59:27}, {@code 13.05.2024 15:59:27}) or ISO-8601; see {@link SignInTimes}. Times without a
 * zone are taken as UTC.
 *
 * <p>Nested objects ({@code Status}, {@code Location}) are read from their printed text, either the AzureAD
 * module's multi-line {@code class SignInStatus { ErrorCode: … }} or a custom object's {@code @{ErrorCode=…}}.
 * Flattened columns {@code Status.ErrorCode}, {@code Status.FailureReason}, {@code Location.City},
 * {@code Location.State} and {@code Location.CountryOrRegion} win over them when present.
 *
 * <p>The Graph SDK prints nested objects as their type name
 * ({@code Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus}), which holds no values. Without a
 * {@code Status.ErrorCode} column such a row has no error code, so whether the sign-in succeeded is unknown; the
 * row is <b>rejected</b> with a reason that says how to export it (flatten {@code Status}), rather than counted as
 * a guessed success or failure. A type-name location is simply absent.
 */
public final class PowerShellCsvFormat
        implements ExportFormat
{
    public static final String NAME = "powershell-csv";

    static final String STATUS_TYPE_NAME = "Missing sign-in status: the export printed the nested Status object as"
            + " its type name";
    static final String EXPECTED_FLATTENED_STATUS = "a Status.ErrorCode column (flatten Status before Export-Csv,"
            + " e.g. Select-Object @{n='Status.ErrorCode';e={$_.Status.ErrorCode}})";
    static final String EXPECTED_STATUS = "class SignInStatus { ErrorCode: … } text, @{ErrorCode=…} or a"
            + " Status.ErrorCode column";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        return CsvHeader.fromHead(head)
                .map(PowerShellCsvFormat::recognizes)
                .orElse(false);
    }

    static boolean recognizes(CsvHeader header)
    {
        return header.has("CreatedDateTime")
                && header.has("UserPrincipalName")
                && header.has("Id", "ClientAppUsed")
                && !header.has("Date (UTC)", "ResultType", "LocationDetails", "LocationDetails_dynamic", "Status_dynamic")
                && !header.hasNameEndingWith(" [UTC]");
    }

    @Override
    public void read(ExportInput input, SignInSink sink)
            throws IOException
    {
        CsvTable.readRows(input, Columns::new, (row, columns) -> read(row, columns, sink));
    }

    private static void read(CsvRow row, Columns columns, SignInSink sink)
    {
        if (!row.hasCells(columns.count)) {
            sink.reject(row.wrongCellCount(columns.count));
            return;
        }
        Optional<String> signInId = row.value(columns.id);
        if (signInId.isEmpty()) {
            sink.reject(row.missing(name(columns.id, "Id"), CsvProblems.MISSING_SIGN_IN_ID));
            return;
        }
        Optional<String> createdText = row.value(columns.createdAt);
        if (createdText.isEmpty()) {
            sink.reject(row.missing(name(columns.createdAt, "CreatedDateTime"), CsvProblems.MISSING_TIME));
            return;
        }
        Optional<Instant> createdAt = SignInTimes.parse(createdText.get());
        if (createdAt.isEmpty()) {
            sink.reject(row.invalid(columns.createdAt.get().name(), CsvProblems.INVALID_TIME, createdText.get(), SignInTimes.expected(createdText.get())));
            return;
        }
        Optional<String> userPrincipalName = row.value(columns.userPrincipalName);
        if (userPrincipalName.isEmpty()) {
            sink.reject(row.missing(name(columns.userPrincipalName, "UserPrincipalName"), CsvProblems.MISSING_USER));
            return;
        }

        Optional<String> statusText = row.value(columns.status);
        Map<String, String> status = statusText.flatMap(PowerShellObjects::properties).orElse(Map.of());
        String errorCodeField = name(columns.statusErrorCode, "Status.ErrorCode");
        Optional<String> errorCodeText = row.value(columns.statusErrorCode);
        if (errorCodeText.isEmpty()) {
            errorCodeField = name(columns.status, "Status");
            errorCodeText = present(status.get("errorcode"));
        }
        if (errorCodeText.isEmpty()) {
            if (statusText.isEmpty()) {
                sink.reject(row.missing(name(columns.status, "Status"), CsvProblems.MISSING_STATUS));
            }
            else if (PowerShellObjects.isTypeName(statusText.get())) {
                sink.reject(row.invalid(columns.status.get().name(), STATUS_TYPE_NAME, statusText.get(), EXPECTED_FLATTENED_STATUS));
            }
            else {
                sink.reject(row.invalid(columns.status.get().name(), CsvProblems.INVALID_STATUS, statusText.get(), EXPECTED_STATUS));
            }
            return;
        }
        OptionalInt errorCode = ErrorCodes.parse(errorCodeText.get());
        if (errorCode.isEmpty()) {
            sink.reject(row.invalid(errorCodeField, CsvProblems.INVALID_ERROR_CODE, errorCodeText.get(), CsvProblems.EXPECTED_ERROR_CODE));
            return;
        }
        Optional<String> failureReason = row.value(columns.statusFailureReason).or(() -> present(status.get("failurereason")));

        SignIn signIn = SignIn.builder()
                .signInId(signInId.get())
                .createdAt(createdAt.get())
                .userPrincipalName(userPrincipalName.get())
                .userId(row.value(columns.userId).orElse(null))
                .userDisplayName(row.value(columns.userDisplayName).orElse(null))
                .clientApp(row.value(columns.clientApp).orElse(null))
                .appDisplayName(row.value(columns.appDisplayName).orElse(null))
                .ipAddress(row.value(columns.ipAddress).orElse(null))
                .location(location(row, columns).orElse(null))
                .userAgent(row.value(columns.userAgent).orElse(null))
                .errorCode(errorCode.getAsInt())
                .failureReason(failureReason.orElse(null))
                .build();
        sink.signIn(signIn, row.record(), row.line());
    }

    private static Optional<String> location(CsvRow row, Columns columns)
    {
        Optional<String> city = row.value(columns.locationCity);
        Optional<String> state = row.value(columns.locationState);
        Optional<String> country = row.value(columns.locationCountry);
        if (city.isPresent() || state.isPresent() || country.isPresent()) {
            return SignInLocations.format(city, state, country);
        }
        Optional<String> text = row.value(columns.location);
        if (text.isEmpty() || PowerShellObjects.isTypeName(text.get())) {
            return Optional.empty();
        }
        Optional<Map<String, String>> properties = PowerShellObjects.properties(text.get());
        if (properties.isEmpty()) {
            // already plain text, e.g. a calculated property
            return text;
        }
        return SignInLocations.format(
                present(properties.get().get("city")),
                present(properties.get().get("state")),
                present(properties.get().get("countryorregion")));
    }

    private static Optional<String> present(String value)
    {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String name(Optional<CsvColumn> column, String fallback)
    {
        return column.map(CsvColumn::name).orElse(fallback);
    }

    /** The columns of one file, looked up once. */
    private static final class Columns
    {
        final int count;
        final Optional<CsvColumn> id;
        final Optional<CsvColumn> createdAt;
        final Optional<CsvColumn> userPrincipalName;
        final Optional<CsvColumn> userId;
        final Optional<CsvColumn> userDisplayName;
        final Optional<CsvColumn> clientApp;
        final Optional<CsvColumn> appDisplayName;
        final Optional<CsvColumn> ipAddress;
        final Optional<CsvColumn> userAgent;
        final Optional<CsvColumn> status;
        final Optional<CsvColumn> statusErrorCode;
        final Optional<CsvColumn> statusFailureReason;
        final Optional<CsvColumn> location;
        final Optional<CsvColumn> locationCity;
        final Optional<CsvColumn> locationState;
        final Optional<CsvColumn> locationCountry;

        Columns(CsvHeader header)
        {
            count = header.size();
            id = header.column("Id");
            createdAt = header.column("CreatedDateTime");
            userPrincipalName = header.column("UserPrincipalName");
            userId = header.column("UserId");
            userDisplayName = header.column("UserDisplayName");
            clientApp = header.column("ClientAppUsed");
            appDisplayName = header.column("AppDisplayName");
            ipAddress = header.column("IPAddress");
            userAgent = header.column("UserAgent");
            status = header.column("Status");
            statusErrorCode = header.column("Status.ErrorCode");
            statusFailureReason = header.column("Status.FailureReason");
            location = header.column("Location");
            locationCity = header.column("Location.City");
            locationState = header.column("Location.State");
            locationCountry = header.column("Location.CountryOrRegion");
        }
    }
}
