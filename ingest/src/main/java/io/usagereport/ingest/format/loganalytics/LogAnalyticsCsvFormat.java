package io.usagereport.ingest.format.loganalytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormat;
import io.usagereport.ingest.format.ExportInput;
import io.usagereport.ingest.format.SignInTimes;
import io.usagereport.ingest.format.csv.CsvColumn;
import io.usagereport.ingest.format.csv.CsvHeader;
import io.usagereport.ingest.format.csv.CsvProblems;
import io.usagereport.ingest.format.csv.CsvRow;
import io.usagereport.ingest.format.csv.CsvRow.Valued;
import io.usagereport.ingest.format.csv.CsvTable;
import io.usagereport.ingest.format.csv.ErrorCodes;
import io.usagereport.ingest.format.csv.SignInLocations;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Log Analytics query results ({@code SigninLogs}, {@code AADNonInteractiveUserSignInLogs}) exported to CSV from
 * the Azure portal.
 *
 * <p>Recognised by a header with {@code UserPrincipalName} and a Log Analytics mark: a {@code [UTC]} suffix on a
 * datetime column ({@code CreatedDateTime [UTC]}, {@code TimeGenerated [UTC]}), {@code ResultType},
 * {@code LocationDetails} or {@code Status_dynamic}; never the portal's {@code Date (UTC)}.
 *
 * <p>Values: {@code Id}; the time from {@code CreatedDateTime} (else {@code TimeGenerated}, the ingestion time),
 * written in the portal's display form {@code 4/28/2021, 2:08:45.221 PM} (UTC) or ISO-8601;
 * {@code UserPrincipalName}, {@code UserId}, {@code UserDisplayName}, {@code AppDisplayName},
 * {@code ClientAppUsed}, {@code IPAddress}, {@code UserAgent}. The error code is {@code ResultType} (a string,
 * {@code "0"} for success), else the {@code errorCode} of the JSON in {@code Status} (or the 2021 export's
 * {@code Status_dynamic} / {@code Status_string}); the failure reason is {@code ResultDescription}, else the
 * status JSON's {@code failureReason}. The location is {@code City, State, CC} from the JSON in
 * {@code LocationDetails} ({@code _dynamic} / {@code _string}), else the {@code Location} column (a country code).
 * Dynamic cells are JSON text with doubled quotes, possibly over several lines; they are read with Jackson, and
 * a cell that is not the expected JSON object is a reject.
 */
public final class LogAnalyticsCsvFormat
        implements ExportFormat
{
    public static final String NAME = "log-analytics-csv";

    static final String EXPECTED_STATUS = "a JSON object such as {\"errorCode\":0}";
    static final String EXPECTED_LOCATION = "a JSON object such as {\"city\":\"Azor\",\"state\":\"Tel Aviv\",\"countryOrRegion\":\"IL\"}";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        return CsvHeader.fromHead(head)
                .map(LogAnalyticsCsvFormat::recognizes)
                .orElse(false);
    }

    static boolean recognizes(CsvHeader header)
    {
        return header.has("UserPrincipalName")
                && !header.has("Date (UTC)")
                && (header.hasNameEndingWith(" [UTC]")
                        || header.has("ResultType", "LocationDetails", "LocationDetails_dynamic", "Status_dynamic"));
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
        Optional<Valued> createdText = row.firstValue(columns.createdAt, columns.timeGenerated);
        if (createdText.isEmpty()) {
            sink.reject(row.missing(name(columns.createdAt.or(() -> columns.timeGenerated), "CreatedDateTime"), CsvProblems.MISSING_TIME));
            return;
        }
        Optional<Instant> createdAt = SignInTimes.parse(createdText.get().value());
        if (createdAt.isEmpty()) {
            sink.reject(row.invalid(createdText.get().column().name(), CsvProblems.INVALID_TIME, createdText.get().value(), SignInTimes.expected(createdText.get().value())));
            return;
        }
        Optional<String> userPrincipalName = row.value(columns.userPrincipalName);
        if (userPrincipalName.isEmpty()) {
            sink.reject(row.missing(name(columns.userPrincipalName, "UserPrincipalName"), CsvProblems.MISSING_USER));
            return;
        }

        Optional<Valued> statusText = row.firstValue(columns.statusDynamic, columns.status, columns.statusString);
        Optional<JsonNode> status = statusText.flatMap(text -> object(text.value()));
        if (statusText.isPresent()) {
            if (status.isEmpty()) {
                sink.reject(row.invalid(statusText.get().column().name(), CsvProblems.INVALID_STATUS, statusText.get().value(), EXPECTED_STATUS));
                return;
            }
        }
        OptionalInt errorCode;
        Optional<String> resultType = row.value(columns.resultType);
        if (resultType.isPresent()) {
            errorCode = ErrorCodes.parse(resultType.get());
            if (errorCode.isEmpty()) {
                sink.reject(row.invalid(columns.resultType.get().name(), CsvProblems.INVALID_ERROR_CODE, resultType.get(), CsvProblems.EXPECTED_ERROR_CODE));
                return;
            }
        }
        else if (status.isPresent() && status.get().hasNonNull("errorCode")) {
            JsonNode code = status.get().get("errorCode");
            errorCode = code.canConvertToInt() && code.isIntegralNumber() ? OptionalInt.of(code.intValue()) : ErrorCodes.parse(code.asText());
            if (errorCode.isEmpty()) {
                sink.reject(row.invalid(statusText.get().column().name(), CsvProblems.INVALID_ERROR_CODE, code.toString(), CsvProblems.EXPECTED_ERROR_CODE));
                return;
            }
        }
        else {
            sink.reject(row.missing(name(columns.resultType, "ResultType"), CsvProblems.MISSING_STATUS));
            return;
        }
        Optional<String> failureReason = row.value(columns.resultDescription)
                .or(() -> text(status, "failureReason"));

        Optional<String> location;
        Optional<Valued> locationText = row.firstValue(columns.locationDetailsDynamic, columns.locationDetails, columns.locationDetailsString);
        if (locationText.isPresent()) {
            Optional<JsonNode> details = object(locationText.get().value());
            if (details.isEmpty()) {
                sink.reject(row.invalid(locationText.get().column().name(), CsvProblems.INVALID_LOCATION, locationText.get().value(), EXPECTED_LOCATION));
                return;
            }
            location = SignInLocations.format(text(details, "city"), text(details, "state"), text(details, "countryOrRegion"))
                    .or(() -> row.value(columns.location));
        }
        else {
            location = row.value(columns.location);
        }

        SignIn signIn = SignIn.builder()
                .signInId(signInId.get())
                .createdAt(createdAt.get())
                .userPrincipalName(userPrincipalName.get())
                .userId(row.value(columns.userId).orElse(null))
                .userDisplayName(row.value(columns.userDisplayName).orElse(null))
                .clientApp(row.value(columns.clientApp).orElse(null))
                .appDisplayName(row.value(columns.appDisplayName).orElse(null))
                .ipAddress(row.value(columns.ipAddress).orElse(null))
                .location(location.orElse(null))
                .userAgent(row.value(columns.userAgent).orElse(null))
                .errorCode(errorCode.getAsInt())
                .failureReason(failureReason.orElse(null))
                .build();
        sink.signIn(signIn, row.record(), row.line());
    }

    /** The JSON object {@code text} holds; empty when it is not JSON or not an object. */
    private static Optional<JsonNode> object(String text)
    {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            return Optional.of(node);
        }
        catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Optional<JsonNode> object, String property)
    {
        return object.map(node -> node.get(property))
                .filter(JsonNode::isValueNode)
                .filter(node -> !node.isNull())
                .map(JsonNode::asText)
                .filter(value -> !value.isBlank());
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
        final Optional<CsvColumn> timeGenerated;
        final Optional<CsvColumn> userPrincipalName;
        final Optional<CsvColumn> userId;
        final Optional<CsvColumn> userDisplayName;
        final Optional<CsvColumn> clientApp;
        final Optional<CsvColumn> appDisplayName;
        final Optional<CsvColumn> ipAddress;
        final Optional<CsvColumn> userAgent;
        final Optional<CsvColumn> resultType;
        final Optional<CsvColumn> resultDescription;
        final Optional<CsvColumn> status;
        final Optional<CsvColumn> statusDynamic;
        final Optional<CsvColumn> statusString;
        final Optional<CsvColumn> location;
        final Optional<CsvColumn> locationDetails;
        final Optional<CsvColumn> locationDetailsDynamic;
        final Optional<CsvColumn> locationDetailsString;

        Columns(CsvHeader header)
        {
            count = header.size();
            id = header.column("Id");
            createdAt = header.column("CreatedDateTime [UTC]", "CreatedDateTime");
            timeGenerated = header.column("TimeGenerated [UTC]", "TimeGenerated");
            userPrincipalName = header.column("UserPrincipalName");
            userId = header.column("UserId");
            userDisplayName = header.column("UserDisplayName");
            clientApp = header.column("ClientAppUsed");
            appDisplayName = header.column("AppDisplayName");
            ipAddress = header.column("IPAddress");
            userAgent = header.column("UserAgent");
            resultType = header.column("ResultType");
            resultDescription = header.column("ResultDescription");
            status = header.column("Status");
            statusDynamic = header.column("Status_dynamic");
            statusString = header.column("Status_string");
            location = header.column("Location");
            locationDetails = header.column("LocationDetails");
            locationDetailsDynamic = header.column("LocationDetails_dynamic");
            locationDetailsString = header.column("LocationDetails_string");
        }
    }
}
