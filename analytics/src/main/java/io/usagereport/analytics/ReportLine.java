package io.usagereport.analytics;

import io.usagereport.ingest.Protocol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The six lines of Microsoft's monthly Basic-authentication usage report, in its order. Each line counts the distinct
 * users who authenticated successfully with Basic auth on any of its protocols (Outlook for Windows spans MAPI, RPC
 * and OAB, counted once per user).
 */
public enum ReportLine
{
    EXCHANGE_ACTIVESYNC("Exchange ActiveSync", List.of(Protocol.EAS)),
    POP("POP", List.of(Protocol.POP)),
    IMAP("IMAP", List.of(Protocol.IMAP)),
    OUTLOOK_WINDOWS("Outlook Windows", List.of(Protocol.MAPI, Protocol.RPC, Protocol.OAB)),
    OUTLOOK_MAC_EWS("Outlook for Mac / Exchange Web Services", List.of(Protocol.EWS)),
    REMOTE_POWERSHELL("Exchange Remote PowerShell", List.of(Protocol.REMOTE_POWERSHELL));

    private final String title;
    private final List<Protocol> protocols;

    ReportLine(String title, List<Protocol> protocols)
    {
        this.title = requireNonNull(title, "title is null");
        this.protocols = List.copyOf(protocols);
    }

    /** The line's title as Microsoft's report prints it (English). */
    public String title()
    {
        return title;
    }

    /** The protocols the line counts together. */
    public List<Protocol> protocols()
    {
        return protocols;
    }

    /** The line's position in the report, from 1. */
    public int number()
    {
        return ordinal() + 1;
    }
}
