package io.usagereport.reports.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The Microsoft 365 cloud a tenant lives in, as the tenants file spells it ({@code commercial}, {@code gcc}).
 */
public enum Cloud
{
    /** The worldwide commercial cloud: the self-service diagnostic is available. */
    COMMERCIAL,
    /** Government Community Cloud: no self-service diagnostic; opt out per the tenant's own post, re-enable by support ticket. */
    GCC;

    /** The value as written in the tenants file and in {@code usage.json}. */
    public String fileValue()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tenants-file value, ignoring case and surrounding white space. */
    public static Optional<Cloud> fromFileValue(String value)
    {
        String key = value.strip().toUpperCase(Locale.ROOT);
        for (Cloud cloud : values()) {
            if (cloud.name().equals(key)) {
                return Optional.of(cloud);
            }
        }
        return Optional.empty();
    }
}
