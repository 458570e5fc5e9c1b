package io.usagereport.reports.policy;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.UsageReportException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads the tenants file ({@code --tenants}): UTF-8 CSV (a byte-order mark is allowed) with the header
 * {@code tenant_id,name,cloud,opted_out,re_enabled,disabled_on} in any column order.
 *
 * <ul>
 * <li>{@code cloud}: {@code commercial} or {@code gcc}, any case; empty means commercial.</li>
 * <li>{@code opted_out}: protocols separated by {@code ;}, each one of the eight disabled from October
 *     (e.g. {@code IMAP;POP}); empty when none.</li>
 * <li>{@code re_enabled}: {@code PROTOCOL@YYYY-MM-DD} separated by {@code ;}, each date within the re-enable
 *     period (2022-10-01 to 2022-12-31) and not before {@code disabled_on}; a protocol at most once.</li>
 * <li>{@code disabled_on}: {@code YYYY-MM-DD} within 2022-10-01 to 2022-12-31, or empty.</li>
 * </ul>
 * Every error names the file, the record, its line and the field, and shows the value.
 */
public final class TenantSettingsReader
{
    static final List<String> COLUMNS = List.of("tenant_id", "name", "cloud", "opted_out", "re_enabled", "disabled_on");

    private final DeprecationPolicy.Timeline timeline;

    private TenantSettingsReader(DeprecationPolicy.Timeline timeline)
    {
        this.timeline = requireNonNull(timeline, "timeline is null");
    }

    /** Reads a tenants file. */
    public static TenantDirectory read(Path file)
    {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        }
        catch (CharacterCodingException e) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read tenants file " + file + ": not UTF-8", e);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read tenants file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), new StringReader(text));
    }

    /**
     * Parses a tenants file's text.
     *
     * @param fileName the name to show in error messages
     */
    public static TenantDirectory parse(String fileName, Reader reader)
    {
        return new TenantSettingsReader(DeprecationPolicy.exchangeOnline().timeline()).parseAll(fileName, reader);
    }

    private TenantDirectory parseAll(String fileName, Reader reader)
    {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<TenantSettings> tenants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(format).get()) {
            Map<String, String> columns = checkHeader(fileName, parser.getHeaderNames());
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                Location location = new Location(fileName, record.getRecordNumber(), line);
                line = parser.getCurrentLineNumber() + 1;
                TenantSettings tenant = parseRecord(location, record, columns);
                if (!seen.add(tenant.tenantId())) {
                    throw location.invalid("tenant_id", tenant.tenantId(), "each tenant once; this tenant id appeared before");
                }
                tenants.add(tenant);
            }
        }
        catch (IOException | UncheckedIOException e) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read tenants file " + fileName + ": " + e.getMessage(), e);
        }
        catch (IllegalStateException e) {
            // Commons CSV reports malformed quoting this way, with its own line and position.
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Invalid tenants file " + fileName + ": " + e.getMessage(), e);
        }
        return TenantDirectory.of(tenants);
    }

    private static Reader withoutByteOrderMark(Reader reader)
    {
        try {
            java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
            int first = pushback.read();
            if (first != -1 && first != '\uFEFF') {
                pushback.unread(first);
            }
            return pushback;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps each expected column to the header name as written (case and spaces ignored). */
    private static Map<String, String> checkHeader(String fileName, List<String> headerNames)
    {
        Map<String, String> columns = new java.util.HashMap<>();
        for (String header : headerNames) {
            columns.put(header.strip().toLowerCase(Locale.ROOT), header);
        }
        List<String> missing = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageReportException(
                    ErrorCode.BAD_INPUT,
                    "Invalid tenants file " + fileName + " at line 1: missing column(s) " + String.join(", ", missing)
                            + "; expected the header " + String.join(",", COLUMNS) + ", found: " + String.join(",", headerNames));
        }
        return columns;
    }

    private TenantSettings parseRecord(Location location, CSVRecord record, Map<String, String> columns)
    {
        String tenantId = field(record, columns, "tenant_id");
        if (tenantId.isEmpty()) {
            throw location.invalid("tenant_id", tenantId, "a tenant id");
        }
        try {
            TenantSettings.requireValidTenantId(tenantId);
        }
        catch (IllegalArgumentException e) {
            throw location.invalid("tenant_id", tenantId, "letters, digits, '.', '_' or '-' (a GUID)");
        }
        String name = field(record, columns, "name");
        String cloudValue = field(record, columns, "cloud");
        Cloud cloud = cloudValue.isEmpty()
                ? Cloud.COMMERCIAL
                : Cloud.fromFileValue(cloudValue).orElseThrow(() -> location.invalid("cloud", cloudValue, "commercial or gcc"));

        Set<Protocol> optedOut = EnumSet.noneOf(Protocol.class);
        String optedOutValue = field(record, columns, "opted_out");
        for (String item : items(optedOutValue)) {
            Protocol protocol = protocol(location, "opted_out", item);
            if (!optedOut.add(protocol)) {
                throw location.invalid("opted_out", optedOutValue, "each protocol once; " + protocol + " appears twice");
            }
        }

        String disabledOnValue = field(record, columns, "disabled_on");
        Optional<LocalDate> disabledOn = Optional.empty();
        if (!disabledOnValue.isEmpty()) {
            disabledOn = Optional.of(dateInReEnablePeriod(location, "disabled_on", disabledOnValue, disabledOnValue));
        }

        Map<Protocol, LocalDate> reEnabled = new EnumMap<>(Protocol.class);
        String reEnabledValue = field(record, columns, "re_enabled");
        for (String item : items(reEnabledValue)) {
            int at = item.indexOf('@');
            if (at < 0) {
                throw location.invalid("re_enabled", item, "PROTOCOL@YYYY-MM-DD, e.g. IMAP@2022-10-15");
            }
            Protocol protocol = protocol(location, "re_enabled", item.substring(0, at));
            LocalDate date = dateInReEnablePeriod(location, "re_enabled", item, item.substring(at + 1).strip());
            if (disabledOn.isPresent() && date.isBefore(disabledOn.get())) {
                throw location.invalid("re_enabled", item, "a date not before disabled_on " + disabledOn.get() + " (only a disabled protocol can be re-enabled)");
            }
            if (reEnabled.put(protocol, date) != null) {
                throw location.invalid("re_enabled", reEnabledValue, "each protocol once (it can be re-enabled only once); " + protocol + " appears twice");
            }
        }
        return new TenantSettings(tenantId, Optional.of(name), cloud, optedOut, reEnabled, disabledOn);
    }

    private LocalDate dateInReEnablePeriod(Location location, String field, String shown, String value)
    {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw location.invalid(field, shown, "a date YYYY-MM-DD");
        }
        if (date.isBefore(timeline.disablementStarts()) || date.isAfter(timeline.reEnableEnds())) {
            throw location.invalid(field, shown, "a date from " + timeline.disablementStarts() + " to " + timeline.reEnableEnds());
        }
        return date;
    }

    private static Protocol protocol(Location location, String field, String value)
    {
        String key = value.strip().toUpperCase(Locale.ROOT);
        for (Protocol protocol : Protocol.values()) {
            if (protocol.name().equals(key) && DeprecationPolicy.disabledFromOctober(protocol)) {
                return protocol;
            }
        }
        List<String> names = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            if (DeprecationPolicy.disabledFromOctober(protocol)) {
                names.add(protocol.name());
            }
        }
        throw location.invalid(field, value, "one of " + String.join(", ", names));
    }

    private static List<String> items(String value)
    {
        List<String> items = new ArrayList<>();
        for (String item : value.split(";", -1)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static String field(CSVRecord record, Map<String, String> columns, String column)
    {
        String header = columns.get(column);
        if (!record.isMapped(header) || !record.isSet(header)) {
            return "";
        }
        String value = record.get(header);
        return value == null ? "" : value.strip();
    }

    private record Location(String fileName, long recordNumber, long line)
    {
        UsageReportException invalid(String field, String value, String expected)
        {
            return new UsageReportException(
                    ErrorCode.BAD_INPUT,
                    String.format(Locale.ROOT, "Invalid tenants file %s at record %d (line %d), field '%s': '%s'; expected %s",
                            fileName, recordNumber, line, field, value, expected));
        }
    }
}
