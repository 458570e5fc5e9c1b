package io.usagereport.ingest.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the sign-in times that real exports contain, always as UTC instants.
 *
 * <ul>
 * <li>ISO-8601 with {@code Z} or an offset, 0 to 9 fractional digits: {@code 2025-12-04T08:19:41Z},
 *     {@code 2019-10-18T04:45:48.0729893-05:00} (the offset is applied);</li>
 * <li>ISO-8601 without a zone, with {@code T} or a space: {@code 2023-07-21 05:03:52.160562400} (read as UTC);</li>
 * <li>Log Analytics display dates: {@code 4/28/2021, 2:08:45.221 PM};</li>
 * <li>PowerShell culture dates: en-US {@code 5/13/2024 3:59:27 PM}, ja-JP {@code 2024/05/13 15:59:27},
 *     en-GB/fr-FR {@code 13/05/2024 15:59:27} (24-hour clock, day first), de-DE {@code 13.05.2024 15:59:27}.</li>
 * </ul>
 * Times without a zone are taken as UTC: the portal and Log Analytics write UTC, and PowerShell's sign-in objects
 * carry UTC times.
 *
 * <p>Only times from {@link #EARLIEST} (inclusive) to {@link #END} (exclusive) are sign-in times: a zero date
 * ({@code 0001-01-01}, {@code 1601-01-01} from a Windows file time of 0) or a far-future placeholder
 * ({@code 9999-12-31}) is a broken value, and {@link #parse} answers empty for it like for any unreadable text,
 * so every reader rejects it. {@link #expected(String)} tells the two cases apart for the reject's message.
 */
public final class SignInTimes
{
    /** What a caller's error message says was expected. */
    public static final String EXPECTED = "an ISO-8601 date-time (2022-09-30T23:59:59Z) or a display date-time (9/30/2022 11:59:59 PM)";

    /** The earliest sign-in time accepted. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The first time no longer accepted. */
    public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    /** What a caller's error message says was expected when a time reads but lies outside the accepted range. */
    public static final String EXPECTED_RANGE = "a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)";

    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final List<DateTimeFormatter> DISPLAY = List.of(
            // en-US and Log Analytics: month first, 12-hour clock, optional comma and fraction
            displayFormatter("M/d/uuuu[,] h:mm[:ss]", true),
            // ja-JP: year first, 24-hour clock
            displayFormatter("uuuu/M/d H:mm[:ss]", false),
            // en-GB, fr-FR: day first, 24-hour clock
            displayFormatter("d/M/uuuu[,] H:mm[:ss]", false),
            // de-DE: day first with dots
            displayFormatter("d.M.uuuu[,] H:mm[:ss]", false));

    private SignInTimes() {}

    /**
     * The instant {@code text} names, or empty when it is not a date-time of a known shape or lies outside
     * [{@link #EARLIEST}, {@link #END}).
     */
    public static Optional<Instant> parse(String text)
    {
        return parseAnyTime(text).filter(SignInTimes::isInRange);
    }

    /** Whether {@code instant} lies in the accepted range [{@link #EARLIEST}, {@link #END}). */
    public static boolean isInRange(Instant instant)
    {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }

    /**
     * What a reject for a time text that {@link #parse} refused should say was expected: {@link #EXPECTED_RANGE}
     * when the text is a readable date-time outside the accepted range, else {@link #EXPECTED}.
     */
    public static String expected(String text)
    {
        return parseAnyTime(text).isPresent() ? EXPECTED_RANGE : EXPECTED;
    }

    private static Optional<Instant> parseAnyTime(String text)
    {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                return Optional.of(parseIso(value));
            }
            for (DateTimeFormatter formatter : DISPLAY) {
                try {
                    return Optional.of(LocalDateTime.parse(value, formatter).toInstant(ZoneOffset.UTC));
                }
                catch (DateTimeParseException ignored) {
                    // try the next culture
                }
            }
            return Optional.empty();
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant parseIso(String value)
    {
        Instant fast = parseIsoUtc(value);
        if (fast != null) {
            return fast;
        }
        char last = value.charAt(value.length() - 1);
        if (last == 'Z' || last == 'z' || hasOffset(value)) {
            return OffsetDateTime.parse(value.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return LocalDateTime.parse(value, ISO_LOCAL).toInstant(ZoneOffset.UTC);
    }

    /**
     * The shape nearly every portal CSV and Graph export uses, {@code 2022-09-14T08:19:41Z} with 0 to 9 fractional
     * digits, read without a formatter: the general path costs more than the rest of a record. Returns null for any
     * other shape; an impossible date (September 31) throws {@link DateTimeException} as the general path does.
     */
    private static Instant parseIsoUtc(String value)
    {
        int length = value.length();
        if (length < 20 || length > 30 || value.charAt(length - 1) != 'Z' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (value.charAt(19) != '.' || length == 21) {
                return null;
            }
            int digits = length - 21;
            for (int index = 20; index < length - 1; index++) {
                int digit = digit(value, index);
                if (digit < 0) {
                    return null;
                }
                nanos = nanos * 10 + digit;
            }
            for (int scale = digits; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 7);
        int day = number(value, 8, 10);
        int hour = number(value, 11, 13);
        int minute = number(value, 14, 16);
        int second = number(value, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    private static int number(String value, int start, int end)
    {
        int result = 0;
        for (int index = start; index < end; index++) {
            int digit = digit(value, index);
            if (digit < 0) {
                return -1;
            }
            result = result * 10 + digit;
        }
        return result;
    }

    private static int digit(String value, int index)
    {
        char c = value.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return -1;
    }

    private static boolean hasOffset(String value)
    {
        // an offset is +hh:mm / -hh:mm after the time part; the date's own dashes end at index 7, and the time
        // may lack seconds (2022-01-01T00:00+01:00)
        for (int index = 11; index < value.length(); index++) {
            char c = value.charAt(index);
            if (c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    private static DateTimeFormatter displayFormatter(String pattern, boolean twelveHour)
    {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                .optionalEnd();
        if (twelveHour) {
            builder.appendLiteral(' ').appendText(ChronoField.AMPM_OF_DAY, java.util.Map.of(0L, "AM", 1L, "PM"));
        }
        return builder.toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }
}
