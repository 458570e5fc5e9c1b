package io.usagereport.ingest;

/**
 * The protocol a sign-in used, as the lake's {@code protocol} column stores it.
 *
 * <p>Every value but {@link #MODERN} is a legacy (Basic authentication) client. The names are part of
 * the public contract: analysts filter on them, so they never change.
 */
public enum Protocol
{
    EAS,
    EWS,
    IMAP,
    POP,
    MAPI,
    RPC,
    OAB,
    REMOTE_POWERSHELL,
    SMTP_AUTH,
    REPORTING_WEB_SERVICES,
    AUTODISCOVER,
    OTHER_LEGACY,
    MODERN;

    /** Whether a sign-in on this protocol used Basic (legacy) authentication. */
    public boolean basicAuth()
    {
        return this != MODERN;
    }
}
