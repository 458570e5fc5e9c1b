package io.usagereport.reports;

import io.usagereport.ingest.Protocol;

import java.util.List;
import java.util.Locale;

/**
 * The six lines of Microsoft's "Basic Authentication – Monthly Usage Report", in its order. Each line counts the
 * distinct users who successfully authenticated with Basic auth on any of its protocols in the month.
 */
public enum ReportLine
{
    EXCHANGE_ACTIVESYNC(List.of(Protocol.EAS)),
    POP(List.of(Protocol.POP)),
    IMAP(List.of(Protocol.IMAP)),
    /** Outlook for Windows: MAPI over HTTP, Outlook Anywhere (RPC over HTTP) and the Offline Address Book, users counted once across the three. */
    OUTLOOK_WINDOWS(List.of(Protocol.MAPI, Protocol.RPC, Protocol.OAB)),
    OUTLOOK_FOR_MAC_EXCHANGE_WEB_SERVICES(List.of(Protocol.EWS)),
    EXCHANGE_REMOTE_POWERSHELL(List.of(Protocol.REMOTE_POWERSHELL));

    private final List<Protocol> protocols;

    ReportLine(List<Protocol> protocols)
    {
        this.protocols = protocols;
    }

    /** The protocols the line counts. */
    public List<Protocol> protocols()
    {
        return protocols;
    }

    /** The spelling in {@code usage.json}: lower case with underscores. */
    public String code()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource-bundle key of the line's label. */
    public String messageKey()
    {
        return "line." + code();
    }
}
