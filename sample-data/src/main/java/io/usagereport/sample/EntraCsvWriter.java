package io.usagereport.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The Entra admin center's CSV download of interactive or non-interactive sign-ins. Every cell is quoted, the
 * header keeps the portal's quirks ({@code "Application ID "} and {@code "Resource ID "} with a trailing space,
 * {@code "Autonomous system  number"} with two spaces, {@code Incoming token type} twice), dates are
 * {@code 2022-09-14T08:19:41Z}, {@code Sign-in error code} is empty on success, and values are the portal's display
 * words ({@code Success}, {@code Not applied}, {@code Single-factor authentication}).
 */
final class EntraCsvWriter
        implements SignInWriter
{
    /** The header in use since 2025 (57 cells). */
    static final List<String> CURRENT_HEADER = List.of(
            "Date (UTC)", "Request ID", "User agent", "Correlation ID", "User ID", "User", "Username", "User type",
            "Cross tenant access type", "Incoming token type", "Authentication Protocol", "Unique token identifier",
            "Original transfer method", "Client credential type", "Token Protection - Sign In Session",
            "Token Protection - Sign In Session StatusCode", "Application", "Application ID ", "App owner tenant ID",
            "Resource", "Resource ID ", "Resource tenant ID", "Resource owner tenant ID", "Home tenant ID",
            "Home tenant name", "IP address", "Location", "Status", "Sign-in error code", "Failure reason", "Client app",
            "Device ID", "Browser", "Operating System", "Compliant", "Managed", "Join Type",
            "Multifactor authentication result", "Multifactor authentication auth method",
            "Multifactor authentication auth detail", "Authentication requirement", "Sign-in identifier", "Session ID",
            "IP address (seen by resource)", "Through Global Secure Access", "Global Secure Access IP address",
            "Autonomous system  number", "Flagged for review", "Token issuer type", "Incoming token type",
            "Token issuer name", "Latency", "Conditional Access", "Managed Identity type", "Associated Resource Id",
            "Federated Token Id", "Federated Token Issuer");

    /** The header of about 2022–2023 (44 cells, no {@code User agent}). */
    static final List<String> LEGACY_HEADER = List.of(
            "Date (UTC)", "Request ID", "Correlation ID", "User ID", "User", "Username", "User type",
            "Cross tenant access type", "Incoming token type", "Authentication Protocol", "Unique token identifier",
            "Client credential type", "Application", "Application ID ", "Resource", "Resource ID ", "Resource tenant ID",
            "Home tenant ID", "Home tenant name", "IP address", "Location", "Status", "Sign-in error code", "Failure reason",
            "Client app", "Device ID", "Browser", "Operating System", "Compliant", "Managed", "Join Type",
            "Multifactor authentication result", "Multifactor authentication auth method",
            "Multifactor authentication auth detail", "Authentication requirement", "Sign-in identifier",
            "IP address (seen by resource)", "Autonomous system  number", "Flagged for review", "Token issuer type",
            "Incoming token type", "Token issuer name", "Latency", "Conditional Access");

    /** Microsoft's own services tenant, the owner of first-party applications. */
    private static final String MICROSOFT_SERVICES_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private static final Map<String, Function<SampleSignIn, String>> VALUES = Map.ofEntries(
            entry("Date (UTC)", signIn -> SampleTimes.format(SampleTimes.ISO_SECONDS, signIn.createdAt())),
            entry("Request ID", SampleSignIn::id),
            entry("User agent", SampleSignIn::userAgent),
            entry("Correlation ID", SampleSignIn::correlationId),
            entry("User ID", SampleSignIn::userId),
            entry("User", SampleSignIn::userDisplayName),
            entry("Username", SampleSignIn::userPrincipalName),
            entry("User type", signIn -> "Member"),
            entry("Cross tenant access type", signIn -> "None"),
            entry("Incoming token type", signIn -> "None"),
            entry("Authentication Protocol", signIn -> signIn.authenticationProtocol().equals("ropc") ? "ROPC" : "None"),
            entry("Unique token identifier", EntraCsvWriter::uniqueTokenIdentifier),
            entry("Original transfer method", signIn -> "None"),
            entry("Client credential type", signIn -> "None"),
            entry("Token Protection - Sign In Session", signIn -> ""),
            entry("Token Protection - Sign In Session StatusCode", signIn -> ""),
            entry("Application", signIn -> signIn.kind().application().displayName()),
            entry("Application ID ", signIn -> signIn.kind().application().id()),
            entry("App owner tenant ID", signIn -> MICROSOFT_SERVICES_TENANT),
            entry("Resource", signIn -> signIn.kind().application().resourceDisplayName()),
            entry("Resource ID ", signIn -> signIn.kind().application().resourceId()),
            entry("Resource tenant ID", signIn -> signIn.tenant().id()),
            entry("Resource owner tenant ID", signIn -> MICROSOFT_SERVICES_TENANT),
            entry("Home tenant ID", signIn -> signIn.tenant().id()),
            entry("Home tenant name", signIn -> ""),
            entry("IP address", SampleSignIn::ipAddress),
            entry("Location", signIn -> signIn.city().display()),
            entry("Status", signIn -> signIn.outcome().status()),
            entry("Sign-in error code", signIn -> signIn.outcome().succeeded() ? "" : Integer.toString(signIn.outcome().errorCode())),
            entry("Failure reason", signIn -> signIn.outcome().succeeded() ? "" : signIn.outcome().failureReason()),
            entry("Client app", SampleSignIn::clientApp),
            entry("Device ID", signIn -> ""),
            entry("Browser", signIn -> signIn.kind().browser()),
            entry("Operating System", signIn -> signIn.kind().operatingSystem()),
            entry("Compliant", signIn -> "false"),
            entry("Managed", signIn -> "false"),
            entry("Join Type", signIn -> ""),
            entry("Multifactor authentication result", signIn -> signIn.multifactor() ? "MFA requirement satisfied by claim in the token" : ""),
            entry("Multifactor authentication auth method", signIn -> signIn.multifactor() ? "Previously satisfied" : ""),
            entry("Multifactor authentication auth detail", signIn -> ""),
            entry("Authentication requirement", signIn -> signIn.multifactor() ? "Multifactor authentication" : "Single-factor authentication"),
            entry("Sign-in identifier", SampleSignIn::userPrincipalName),
            entry("Session ID", SampleSignIn::sessionId),
            entry("IP address (seen by resource)", signIn -> ""),
            entry("Through Global Secure Access", signIn -> "No"),
            entry("Global Secure Access IP address", signIn -> ""),
            entry("Autonomous system  number", signIn -> Integer.toString(signIn.city().autonomousSystemNumber())),
            entry("Flagged for review", signIn -> "No"),
            entry("Token issuer type", signIn -> "Azure AD"),
            entry("Token issuer name", signIn -> ""),
            entry("Latency", signIn -> Integer.toString(signIn.latencyMilliseconds())),
            entry("Conditional Access", EntraCsvWriter::conditionalAccess),
            entry("Managed Identity type", signIn -> ""),
            entry("Associated Resource Id", signIn -> ""),
            entry("Federated Token Id", signIn -> ""),
            entry("Federated Token Issuer", signIn -> ""));

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n")
            .get();

    private final List<String> header;
    private final YearMonth month;
    private final CSVPrinter printer;
    private long rows;

    private EntraCsvWriter(Path path, List<String> header, boolean byteOrderMark, YearMonth month)
            throws IOException
    {
        this.header = header;
        this.month = month;
        this.printer = new CSVPrinter(OutputFiles.open(path, StandardCharsets.UTF_8, byteOrderMark), FORMAT);
        printer.printRecord(header);
    }

    /** The current 57-column download; UTF-8 with a byte order mark. */
    static EntraCsvWriter current(Path path, YearMonth month)
            throws IOException
    {
        return new EntraCsvWriter(path, CURRENT_HEADER, true, month);
    }

    /** The 44-column download of about 2022–2023; UTF-8 without a byte order mark. */
    static EntraCsvWriter legacy(Path path, YearMonth month)
            throws IOException
    {
        return new EntraCsvWriter(path, LEGACY_HEADER, false, month);
    }

    @Override
    public void write(SampleSignIn signIn)
            throws IOException
    {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            cells.add(VALUES.get(column).apply(signIn));
        }
        printer.printRecord(cells);
        rows++;
    }

    @Override
    public boolean writesMalformedRows()
    {
        return true;
    }

    @Override
    public void writeMalformed(SampleSignIn signIn, Malformation malformation)
            throws IOException
    {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            cells.add(malformedValue(column, signIn, malformation));
        }
        printer.printRecord(cells);
        rows++;
    }

    private String malformedValue(String column, SampleSignIn signIn, Malformation malformation)
    {
        String value = VALUES.get(column).apply(signIn);
        switch (malformation) {
            case NONEXISTENT_DATE:
                if (column.equals("Date (UTC)")) {
                    // the day after the month's last day, in this month: 2022-09-31
                    return String.format(Locale.ROOT, "%04d-%02d-%02dT08:15:22Z", month.getYear(), month.getMonthValue(),
                            month.lengthOfMonth() + 1);
                }
                return value;
            case INVALID_MONTH:
                if (column.equals("Date (UTC)")) {
                    return String.format(Locale.ROOT, "%04d-13-%02dT11:42:05Z", month.getYear(), 1);
                }
                return value;
            case MISSING_USER:
                if (column.equals("Username") || column.equals("User") || column.equals("Sign-in identifier")) {
                    return "";
                }
                return value;
        }
        throw new AssertionError(malformation);
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

    private static String uniqueTokenIdentifier(SampleSignIn signIn)
    {
        String token = signIn.uniqueTokenIdentifier();
        // the portal prefixes values that a spreadsheet would read as a formula
        if (token.startsWith("-") || token.startsWith("+")) {
            return "'" + token;
        }
        return token;
    }

    private static String conditionalAccess(SampleSignIn signIn)
    {
        switch (signIn.conditionalAccessStatus()) {
            case "success":
                return "Success";
            case "failure":
                return "Failure";
            default:
                return "Not applied";
        }
    }
}
