package io.usagereport.reports.policy;

import java.util.Locale;

/**
 * What an administrator can do now about one protocol. Each action has a localized text in the report
 * resource bundles under {@link #messageKey()}.
 */
public enum Action
{
    /** Move the clients that still use Basic auth to Modern authentication (OAuth 2.0). */
    MIGRATE_TO_MODERN_AUTH,
    /** Commercial tenants: opt the protocol out with the self-service diagnostic during September 2022 (closes 2022-09-30). */
    OPT_OUT_BY_2022_09_30,
    /** GCC tenants: opt out by following the instructions of the tenant's own Message Center post, by 2022-09-30. */
    OPT_OUT_FOLLOWING_GCC_POST,
    /** Commercial tenants: re-enable the disabled protocol once with the self-service diagnostic; it stays on until 2022-12-31. */
    RE_ENABLE_ONCE_UNTIL_YEAR_END,
    /** GCC tenants: open a support ticket to re-enable the disabled protocol until 2022-12-31. */
    OPEN_SUPPORT_TICKET,
    /** Block Basic auth for the protocol now, with an authentication policy, instead of waiting for the disablement. */
    BLOCK_WITH_AUTHENTICATION_POLICY,
    /** Scripts: connect with certificate-based (app-only) authentication. */
    MOVE_TO_CERTIFICATE_AUTH,
    /** Nothing to do. */
    NONE;

    /** The contract's spelling in {@code usage.json}: lower case with underscores. */
    public String code()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource-bundle key of the action's text. */
    public String messageKey()
    {
        return "action." + code();
    }
}
