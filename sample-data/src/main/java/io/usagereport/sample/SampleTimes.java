package io.usagereport.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/** The time shapes the exports write, all in UTC. */
final class SampleTimes
{
    /** Portal CSV and Graph: {@code 2022-09-14T08:19:41Z}. */
    static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Diagnostic settings' top-level {@code time}: {@code 2022-09-14T08:19:41.2210000Z}. */
    static final DateTimeFormatter ISO_SEVEN_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'0000Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Diagnostic settings' {@code properties.createdDateTime}: {@code 2022-09-14T08:19:41.2210000+00:00}. */
    static final DateTimeFormatter ISO_SEVEN_DIGITS_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'0000+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** PowerShell in the en-US culture: {@code 9/14/2022 8:19:41 AM}. */
    static final DateTimeFormatter EN_US = new DateTimeFormatterBuilder()
            .appendPattern("M/d/uuuu h:mm:ss ")
            .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "AM", 1L, "PM"))
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** PowerShell in the ja-JP culture: {@code 2022/09/14 8:19:41}. */
    static final DateTimeFormatter JA_JP = DateTimeFormatter.ofPattern("uuuu/MM/dd H:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Log Analytics display dates: {@code 9/14/2022, 8:19:41.221 AM}. */
    static final DateTimeFormatter LOG_ANALYTICS = new DateTimeFormatterBuilder()
            .appendPattern("M/d/uuuu, h:mm:ss.SSS ")
            .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "AM", 1L, "PM"))
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SampleTimes() {}

    static String format(DateTimeFormatter formatter, Instant instant)
    {
        return formatter.format(instant);
    }
}
