package io.usagereport.reports.policy;

import java.util.Locale;

/**
 * The state of Basic authentication for one protocol of one tenant on a given date; the names of
 * {@link #code()} are part of the public contract ({@code usage.json}'s {@code state}).
 */
public enum DeprecationState
{
    /** The protocol is outside the October 2022 disablement (SMTP AUTH, Autodiscover, other legacy clients, modern auth). */
    NOT_AFFECTED,
    /** Basic auth is still on; it may be disabled from 2022-10-01 (a Message Center post comes 7 days before). */
    SCHEDULED,
    /** The tenant opted the protocol out of the 2022 disablement; it is disabled in January 2023 anyway. */
    OPTED_OUT,
    /** Basic auth was disabled for the protocol; it can be re-enabled once, until 2022-12-31. */
    DISABLED,
    /** Basic auth was re-enabled after its disablement; it stays on until 2022-12-31. */
    RE_ENABLED,
    /** Reporting Web Services: on for every tenant until 2022-12-31, no opt-out needed. */
    ENABLED_UNTIL_YEAR_END,
    /** Basic auth is off for good (from January 2023); nothing can turn it back on. */
    PERMANENTLY_DISABLED;

    /** The contract's spelling: lower case with underscores, e.g. {@code permanently_disabled}. */
    public String code()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource-bundle key of the state's display name. */
    public String messageKey()
    {
        return "state." + code();
    }
}
