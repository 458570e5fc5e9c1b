package io.usagereport.reports;

import io.usagereport.ingest.Protocol;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One user's Basic-auth use of one protocol in one month: a row of the {@code basic_auth_by_user} mart.
 *
 * @param userPrincipalName the user's sign-in name, lower-cased ({@link Locale#ROOT})
 * @param displayName the user's display name; empty when the logs or the mart do not give it
 * @param protocol the protocol; never {@link Protocol#MODERN}
 * @param requests Basic-auth sign-ins of the user on the protocol in the month
 * @param successfulRequests of those, the successful ones
 * @param failedRequests of those, the failed ones; {@code successfulRequests + failedRequests == requests}
 * @param topUserAgent the user agent seen most often in those sign-ins, as logged; empty when none was logged
 * @param distinctIps distinct client IP addresses of those sign-ins
 */
public record UserUsage(
        String userPrincipalName,
        Optional<String> displayName,
        Protocol protocol,
        long requests,
        long successfulRequests,
        long failedRequests,
        Optional<String> topUserAgent,
        long distinctIps)
{
    public UserUsage
    {
        requireNonNull(userPrincipalName, "userPrincipalName is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(topUserAgent, "topUserAgent is null");
        if (userPrincipalName.isBlank()) {
            throw new IllegalArgumentException("userPrincipalName is blank");
        }
        if (protocol == Protocol.MODERN) {
            throw new IllegalArgumentException("Invalid user usage: MODERN is not Basic authentication");
        }
        userPrincipalName = userPrincipalName.strip().toLowerCase(Locale.ROOT);
        displayName = displayName.map(String::strip).filter(value -> !value.isEmpty());
        topUserAgent = topUserAgent.map(String::strip).filter(value -> !value.isEmpty());
        ProtocolUsage.requireNotNegative("requests", requests);
        ProtocolUsage.requireNotNegative("successfulRequests", successfulRequests);
        ProtocolUsage.requireNotNegative("failedRequests", failedRequests);
        ProtocolUsage.requireNotNegative("distinctIps", distinctIps);
        if (successfulRequests + failedRequests != requests) {
            throw new IllegalArgumentException("Invalid user usage for " + userPrincipalName + " on " + protocol + ": successfulRequests "
                    + successfulRequests + " + failedRequests " + failedRequests + " != requests " + requests);
        }
    }
}
