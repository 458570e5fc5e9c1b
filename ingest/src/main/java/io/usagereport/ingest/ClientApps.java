package io.usagereport.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * The versioned table that maps the exported client app ({@code clientAppUsed}, the portal's
 * {@code Client app}) to a {@link Protocol}.
 *
 * <p>Matching ignores case and surrounding white space. The aliases are the spellings seen in real
 * exports and queries: {@code AutoDiscover}, {@code MAPI Over HTTP}, {@code SMTP}, {@code Universal Outlook}, …
 * Microsoft publishes no enum; everything that is neither {@code Browser} nor
 * {@code Mobile Apps and Desktop clients} is a legacy authentication client, so an unknown value maps to
 * {@link Protocol#OTHER_LEGACY} and is reported as unknown rather than dropped. A missing value is not a
 * legacy client: it maps to {@link Protocol#MODERN} and is reported as missing.
 */
public final class ClientApps
{
    /** Bumped whenever the table changes, and recorded with every ingest run. */
    public static final int VERSION = 1;

    private static final Map<String, Protocol> TABLE = Map.ofEntries(
            entry("browser", Protocol.MODERN),
            entry("mobile apps and desktop clients", Protocol.MODERN),
            entry("exchange activesync", Protocol.EAS),
            entry("exchange active sync", Protocol.EAS),
            entry("activesync", Protocol.EAS),
            entry("exchange web services", Protocol.EWS),
            entry("ews", Protocol.EWS),
            entry("imap4", Protocol.IMAP),
            entry("imap", Protocol.IMAP),
            entry("pop3", Protocol.POP),
            entry("pop", Protocol.POP),
            entry("mapi over http", Protocol.MAPI),
            entry("mapi", Protocol.MAPI),
            entry("outlook anywhere (rpc over http)", Protocol.RPC),
            entry("outlook anywhere", Protocol.RPC),
            entry("rpc over http", Protocol.RPC),
            entry("offline address book", Protocol.OAB),
            entry("exchange online powershell", Protocol.REMOTE_POWERSHELL),
            entry("exchange remote powershell", Protocol.REMOTE_POWERSHELL),
            entry("authenticated smtp", Protocol.SMTP_AUTH),
            entry("smtp", Protocol.SMTP_AUTH),
            entry("smtp auth", Protocol.SMTP_AUTH),
            entry("reporting web services", Protocol.REPORTING_WEB_SERVICES),
            entry("autodiscover", Protocol.AUTODISCOVER),
            // Outlook Service (the Mail and Calendar app for Windows 10), also seen as "Universal Outlook",
            // and "Other clients" have no protocol of their own in the deprecation.
            entry("outlook service", Protocol.OTHER_LEGACY),
            entry("universal outlook", Protocol.OTHER_LEGACY),
            entry("other clients", Protocol.OTHER_LEGACY),
            entry("other client", Protocol.OTHER_LEGACY));

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Bounded: hostile input could carry any number of distinct values. */
    private static final int MAX_SEEN = 10_000;
    private static final Map<String, Mapping> SEEN = new ConcurrentHashMap<>();

    private ClientApps() {}

    /** How one exported client-app value maps. */
    public record Mapping(Protocol protocol, Kind kind) {}

    /** Whether the value was in the table, absent, or unknown. */
    public enum Kind
    {
        KNOWN,
        MISSING,
        UNKNOWN
    }

    public static Mapping map(Optional<String> clientApp)
    {
        if (clientApp.isEmpty() || clientApp.get().isBlank()) {
            return new Mapping(Protocol.MODERN, Kind.MISSING);
        }
        // a month of sign-ins holds a handful of distinct values: remember each one's mapping
        Mapping seen = SEEN.get(clientApp.get());
        if (seen != null) {
            return seen;
        }
        Mapping mapping = lookUp(clientApp.get());
        if (SEEN.size() < MAX_SEEN) {
            SEEN.put(clientApp.get(), mapping);
        }
        return mapping;
    }

    private static Mapping lookUp(String clientApp)
    {
        String key = WHITE_SPACE.matcher(clientApp.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        Protocol protocol = TABLE.get(key);
        if (protocol != null) {
            return new Mapping(protocol, Kind.KNOWN);
        }
        if (key.equals("unknown")) {
            return new Mapping(Protocol.MODERN, Kind.MISSING);
        }
        return new Mapping(Protocol.OTHER_LEGACY, Kind.UNKNOWN);
    }
}
