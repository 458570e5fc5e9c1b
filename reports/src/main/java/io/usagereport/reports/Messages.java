package io.usagereport.reports;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Every word, date and number of a report in one language, from the resource bundles
 * {@code io/usagereport/reports/messages_<tag>.properties} (UTF-8).
 *
 * <p>Texts are plain text (the renderer escapes them) with named placeholders such as {@code {month}}; an unknown
 * key or a placeholder left without a value is an error rather than a silently broken sentence.
 */
public final class Messages
{
    private static final String BUNDLE = "io.usagereport.reports.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final ReportLocale reportLocale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter monthFormat;
    private final DateTimeFormatter shortMonthFormat;

    private Messages(ReportLocale reportLocale)
    {
        this.reportLocale = requireNonNull(reportLocale, "reportLocale is null");
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                reportLocale.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateFormat = DateTimeFormatter.ofPattern(text("format.date"), reportLocale.locale());
        this.monthFormat = DateTimeFormatter.ofPattern(text("format.month"), reportLocale.locale());
        this.shortMonthFormat = DateTimeFormatter.ofPattern(text("format.shortMonth"), reportLocale.locale());
    }

    public static Messages of(ReportLocale reportLocale)
    {
        return new Messages(reportLocale);
    }

    public ReportLocale reportLocale()
    {
        return reportLocale;
    }

    /**
     * The text of a key with its placeholders filled.
     *
     * @param namesAndValues placeholder names and values, alternating: {@code "month", "September 2022"}
     * @throws IllegalArgumentException when the key is missing or a placeholder has no value
     */
    public String text(String key, String... namesAndValues)
    {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must come in pairs: " + namesAndValues.length);
        }
        String pattern;
        try {
            pattern = bundle.getString(key);
        }
        catch (MissingResourceException e) {
            throw new IllegalArgumentException("Missing message '" + key + "' for locale " + reportLocale.tag(), e);
        }
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = valueOf(matcher.group(1), namesAndValues);
            if (value == null) {
                throw new IllegalArgumentException("Message '" + key + "' (" + reportLocale.tag() + ") has no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String valueOf(String name, String... namesAndValues)
    {
        for (int index = 0; index < namesAndValues.length; index += 2) {
            if (namesAndValues[index].equals(name)) {
                return requireNonNull(namesAndValues[index + 1], () -> "value of " + name + " is null");
            }
        }
        return null;
    }

    /** Whether the bundle has the key. */
    public boolean has(String key)
    {
        return bundle.containsKey(key);
    }

    /** A date: "October 1, 2022" or "2022年10月1日". */
    public String date(LocalDate date)
    {
        return dateFormat.format(date);
    }

    /** A month: "September 2022" or "2022年9月". */
    public String month(YearMonth month)
    {
        return monthFormat.format(month);
    }

    /** A month for chart axes: "Sep 2022" or "2022年9月". */
    public String shortMonth(YearMonth month)
    {
        return shortMonthFormat.format(month);
    }

    /** A whole number with the language's grouping: "12,345". */
    public String number(long value)
    {
        return NumberFormat.getIntegerInstance(reportLocale.locale()).format(value);
    }

    /** A signed whole number: "+3", "−2" (minus sign), "0". */
    public String signedNumber(long value)
    {
        if (value > 0) {
            return "+" + number(value);
        }
        if (value < 0) {
            return "\u2212" + number(-value);
        }
        return number(0);
    }
}
