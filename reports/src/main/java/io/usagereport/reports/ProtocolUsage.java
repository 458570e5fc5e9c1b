package io.usagereport.reports;

import io.usagereport.ingest.Protocol;

import static java.util.Objects.requireNonNull;

/**
 * One tenant's Basic-auth use of one protocol in one month: a row of the {@code basic_auth_by_protocol} mart,
 * plus the month-over-month user counts.
 *
 * @param protocol the protocol; never {@link Protocol#MODERN} (not Basic auth)
 * @param requests Basic-auth sign-ins (requests) in the month, successful or not
 * @param successfulRequests of those, the ones that succeeded
 * @param failedRequests of those, the ones that failed; {@code successfulRequests + failedRequests == requests}
 * @param users distinct users with at least one successful Basic-auth sign-in on the protocol in the month
 *        (the measure of Microsoft's report); user names compare case-insensitively
 * @param usersAttempting distinct users with any Basic-auth attempt on the protocol, successful or not;
 *        at least {@code users}
 * @param newUsers of {@code users}, those without a successful sign-in on the protocol the previous month
 * @param stoppedUsers users with a successful sign-in on the protocol the previous month and none this month
 */
public record ProtocolUsage(
        Protocol protocol,
        long requests,
        long successfulRequests,
        long failedRequests,
        long users,
        long usersAttempting,
        long newUsers,
        long stoppedUsers)
{
    public ProtocolUsage
    {
        requireNonNull(protocol, "protocol is null");
        if (protocol == Protocol.MODERN) {
            throw new IllegalArgumentException("Invalid protocol usage: MODERN is not Basic authentication");
        }
        requireNotNegative("requests", requests);
        requireNotNegative("successfulRequests", successfulRequests);
        requireNotNegative("failedRequests", failedRequests);
        requireNotNegative("users", users);
        requireNotNegative("usersAttempting", usersAttempting);
        requireNotNegative("newUsers", newUsers);
        requireNotNegative("stoppedUsers", stoppedUsers);
        if (successfulRequests + failedRequests != requests) {
            throw new IllegalArgumentException("Invalid protocol usage for " + protocol + ": successfulRequests " + successfulRequests
                    + " + failedRequests " + failedRequests + " != requests " + requests);
        }
        if (users > usersAttempting) {
            throw new IllegalArgumentException("Invalid protocol usage for " + protocol + ": users " + users + " > usersAttempting " + usersAttempting);
        }
        if (newUsers > users) {
            throw new IllegalArgumentException("Invalid protocol usage for " + protocol + ": newUsers " + newUsers + " > users " + users);
        }
        if (users > 0 && successfulRequests == 0) {
            throw new IllegalArgumentException("Invalid protocol usage for " + protocol + ": " + users + " users but no successful request");
        }
    }

    static void requireNotNegative(String name, long value)
    {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
