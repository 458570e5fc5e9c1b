package io.usagereport.sample;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One synthetic sign-in, with every value any export format shows. The same sign-in keeps its {@code id} in
 * every file it is written to.
 */
record SampleSignIn(
        String id,
        Instant createdAt,
        SampleTenant tenant,
        String userId,
        String userPrincipalName,
        String userDisplayName,
        ClientKind kind,
        String ipAddress,
        SampleCity city,
        SignInOutcome outcome,
        boolean interactive,
        String correlationId,
        String uniqueTokenIdentifier,
        String sessionId,
        boolean multifactor,
        String conditionalAccessStatus,
        int latencyMilliseconds)
{
    SampleSignIn
    {
        requireNonNull(id, "id is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(userPrincipalName, "userPrincipalName is null");
        requireNonNull(userDisplayName, "userDisplayName is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(city, "city is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(uniqueTokenIdentifier, "uniqueTokenIdentifier is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(conditionalAccessStatus, "conditionalAccessStatus is null");
    }

    String clientApp()
    {
        return kind.clientApp();
    }

    String userAgent()
    {
        return kind.userAgent();
    }

    /** Graph's {@code authenticationProtocol}: Basic auth through {@code BAV2ROPC} is the ROPC flow. */
    String authenticationProtocol()
    {
        return kind.userAgent().equals("BAV2ROPC") ? "ropc" : "none";
    }

    String authenticationRequirement()
    {
        return multifactor ? "multiFactorAuthentication" : "singleFactorAuthentication";
    }

    /** A copy with another id and user names, for rows written broken on purpose. */
    SampleSignIn withIdAndUser(String otherId, String principalName, String displayName)
    {
        return new SampleSignIn(otherId, createdAt, tenant, userId, principalName, displayName, kind, ipAddress, city, outcome,
                interactive, correlationId, uniqueTokenIdentifier, sessionId, multifactor, conditionalAccessStatus,
                latencyMilliseconds);
    }
}
