package io.usagereport.reports;

import io.usagereport.ingest.Protocol;

import java.time.YearMonth;

import static java.util.Objects.requireNonNull;

/**
 * One protocol's Basic-auth use in an earlier month, for the trend: the same measures as {@link ProtocolUsage}'s
 * {@code users} and {@code requests} for that month.
 *
 * @param month the earlier month
 * @param protocol the protocol; never {@link Protocol#MODERN}
 * @param users distinct users with a successful Basic-auth sign-in on the protocol in that month
 * @param requests Basic-auth requests on the protocol in that month
 */
public record MonthlyUsers(YearMonth month, Protocol protocol, long users, long requests)
{
    public MonthlyUsers
    {
        requireNonNull(month, "month is null");
        requireNonNull(protocol, "protocol is null");
        if (protocol == Protocol.MODERN) {
            throw new IllegalArgumentException("Invalid monthly users: MODERN is not Basic authentication");
        }
        ProtocolUsage.requireNotNegative("users", users);
        ProtocolUsage.requireNotNegative("requests", requests);
    }
}
