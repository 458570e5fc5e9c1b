package io.usagereport.ingest.format.entra;

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

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sign-in log CSV that the Entra admin center (Azure portal) downloads: interactive and non-interactive files
 * share one header, of which four eras are known (44, 49, 55 and 57 columns). Columns are found by name, not
 * position, so columns added or dropped by later eras do not matter; names are compared after normalizing white
 * space and case, so {@code "Application ID "} (trailing space) and {@code "Autonomous system  number"} (double
 * space) match, and the repeated {@code Incoming token type} is harmless.
 *
 * <p>Recognised by a header with {@code Date (UTC)} and {@code Request ID}. A row becomes a sign-in from
 * {@code Request ID}, {@code Date (UTC)} (ISO-8601 UTC), {@code Username} (or {@code User} when it holds a user
 * principal name), {@code User ID}, {@code User}, {@code Client app}, {@code Application}, {@code IP address},
 * {@code Location}, {@code User agent}, {@code Status}, {@code Sign-in error code} and {@code Failure reason}.
 *
 * <p>Status: {@code Success} is a success whose error code is the cell's or 0 when blank (the portal blanks it);
 * {@code Failure} and {@code Interrupted} are not successes and need an integer error code; a blank status
 * takes success from the error code (0). Anything else is a reject.
 *
 * <p>The application (service principal) sign-ins file of the same download has the same first columns but no
 * user: it is recognised here, and each of its rows is rejected as not a user sign-in, so that nothing is dropped
 * without a trace. The same goes for any other file of the download that has no user column.
 */
public final class EntraCsvFormat
        implements ExportFormat
{
    public static final String NAME = "entra-csv";

    static final String NOT_A_USER_SIGN_IN = "Not a user sign-in (the file holds application (service principal)"
            + " sign-ins, which have no user)";
    static final String NO_USER_COLUMN = "Not a user sign-in (the file has no Username or User column)";

    private static final String EXPECTED_STATUS = "Success, Failure or Interrupted";

    private enum Outcome
    {
        SUCCESS,
        FAILURE,
        INTERRUPTED
    }

    // The portal's values, and the Japanese portal's labels for them (in case the download is localized).
    private static final Map<String, Outcome> STATUSES = Map.of(
            "success", Outcome.SUCCESS,
            "failure", Outcome.FAILURE,
            "interrupted", Outcome.INTERRUPTED,
            "成功", Outcome.SUCCESS,
            "失敗", Outcome.FAILURE,
            "障害", Outcome.FAILURE,
            "中断", Outcome.INTERRUPTED);

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public boolean recognizes(String head)
    {
        return CsvHeader.fromHead(head)
                .map(header -> header.has("Date (UTC)") && header.has("Request ID"))
                .orElse(false);
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
        if (columns.userPrincipalName.isEmpty() && columns.user.isEmpty()) {
            sink.reject(row.ofRecord(columns.servicePrincipal ? NOT_A_USER_SIGN_IN : NO_USER_COLUMN));
            return;
        }

        Optional<String> signInId = row.value(columns.requestId);
        if (signInId.isEmpty()) {
            sink.reject(row.missing(name(columns.requestId, "Request ID"), CsvProblems.MISSING_SIGN_IN_ID));
            return;
        }
        Optional<String> createdText = row.value(columns.createdAt);
        if (createdText.isEmpty()) {
            sink.reject(row.missing(name(columns.createdAt, "Date (UTC)"), CsvProblems.MISSING_TIME));
            return;
        }
        Optional<Instant> createdAt = SignInTimes.parse(createdText.get());
        if (createdAt.isEmpty()) {
            sink.reject(row.invalid(columns.createdAt.get().name(), CsvProblems.INVALID_TIME, createdText.get(), SignInTimes.expected(createdText.get())));
            return;
        }
        Optional<String> userPrincipalName = row.value(columns.userPrincipalName)
                .or(() -> row.value(columns.user).filter(EntraCsvFormat::looksLikeUserPrincipalName));
        if (userPrincipalName.isEmpty()) {
            sink.reject(row.missing(name(columns.userPrincipalName, "Username"), CsvProblems.MISSING_USER));
            return;
        }

        OptionalInt errorCode = OptionalInt.empty();
        Optional<String> errorCodeText = row.value(columns.errorCode);
        if (errorCodeText.isPresent()) {
            errorCode = ErrorCodes.parse(errorCodeText.get());
            if (errorCode.isEmpty()) {
                sink.reject(row.invalid(columns.errorCode.get().name(), CsvProblems.INVALID_ERROR_CODE, errorCodeText.get(),
                        CsvProblems.EXPECTED_ERROR_CODE));
                return;
            }
        }
        boolean succeeded;
        Optional<String> statusText = row.value(columns.status);
        if (statusText.isPresent()) {
            Outcome outcome = STATUSES.get(statusText.get().strip().toLowerCase(Locale.ROOT));
            if (outcome == null) {
                sink.reject(row.invalid(columns.status.get().name(), CsvProblems.INVALID_STATUS, statusText.get(), EXPECTED_STATUS));
                return;
            }
            succeeded = outcome == Outcome.SUCCESS;
            if (!succeeded && errorCode.isEmpty()) {
                sink.reject(row.missing(name(columns.errorCode, "Sign-in error code"), CsvProblems.MISSING_ERROR_CODE));
                return;
            }
        }
        else {
            if (errorCode.isEmpty()) {
                sink.reject(row.missing(name(columns.status, "Status"), CsvProblems.MISSING_STATUS));
                return;
            }
            succeeded = errorCode.getAsInt() == 0;
        }

        SignIn signIn = SignIn.builder()
                .signInId(signInId.get())
                .createdAt(createdAt.get())
                .userPrincipalName(userPrincipalName.get())
                .userId(row.value(columns.userId).orElse(null))
                .userDisplayName(row.value(columns.user).orElse(null))
                .clientApp(row.value(columns.clientApp).orElse(null))
                .appDisplayName(row.value(columns.application).orElse(null))
                .ipAddress(row.value(columns.ipAddress).orElse(null))
                .location(row.value(columns.location).orElse(null))
                .userAgent(row.value(columns.userAgent).orElse(null))
                .succeeded(succeeded)
                .errorCode(errorCode.orElse(0))
                .failureReason(row.value(columns.failureReason).orElse(null))
                .build();
        sink.signIn(signIn, row.record(), row.line());
    }

    private static String name(Optional<CsvColumn> column, String fallback)
    {
        return column.map(CsvColumn::name).orElse(fallback);
    }

    /** A user principal name has the form {@code name@domain} and no white space. */
    static boolean looksLikeUserPrincipalName(String text)
    {
        String value = text.strip();
        int at = value.indexOf('@');
        return at > 0 && at < value.length() - 1 && value.chars().noneMatch(Character::isWhitespace);
    }

    /** The columns of one file, looked up once. */
    private static final class Columns
    {
        final int count;
        final boolean servicePrincipal;
        final Optional<CsvColumn> requestId;
        final Optional<CsvColumn> createdAt;
        final Optional<CsvColumn> userPrincipalName;
        final Optional<CsvColumn> userId;
        final Optional<CsvColumn> user;
        final Optional<CsvColumn> clientApp;
        final Optional<CsvColumn> application;
        final Optional<CsvColumn> ipAddress;
        final Optional<CsvColumn> location;
        final Optional<CsvColumn> userAgent;
        final Optional<CsvColumn> status;
        final Optional<CsvColumn> errorCode;
        final Optional<CsvColumn> failureReason;

        Columns(CsvHeader header)
        {
            count = header.size();
            servicePrincipal = header.has("Service principal ID");
            requestId = header.column("Request ID");
            createdAt = header.column("Date (UTC)");
            userPrincipalName = header.column("Username");
            userId = header.column("User ID");
            user = header.column("User");
            clientApp = header.column("Client app");
            application = header.column("Application");
            ipAddress = header.column("IP address");
            location = header.column("Location");
            userAgent = header.column("User agent");
            status = header.column("Status");
            errorCode = header.column("Sign-in error code");
            failureReason = header.column("Failure reason");
        }
    }
}
