package io.usagereport.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages a report can be written in ({@code --locale en|ja}).
 */
public enum ReportLocale
{
    ENGLISH("en", Locale.ENGLISH),
    JAPANESE("ja", Locale.JAPANESE);

    private final String tag;
    private final Locale locale;

    ReportLocale(String tag, Locale locale)
    {
        this.tag = tag;
        this.locale = locale;
    }

    /** The language tag of the command line and of {@code usage.json}: {@code en} or {@code ja}. */
    public String tag()
    {
        return tag;
    }

    public Locale locale()
    {
        return locale;
    }

    /** The locale for a language tag ({@code en}, {@code ja}; case ignored); empty for any other tag. */
    public static Optional<ReportLocale> fromTag(String tag)
    {
        for (ReportLocale value : values()) {
            if (value.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
