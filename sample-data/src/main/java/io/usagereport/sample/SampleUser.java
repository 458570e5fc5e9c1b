package io.usagereport.sample;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One user of a sample tenant, with the clients it always uses.
 *
 * @param legacyKinds the one or two Basic-auth clients this user sticks to; empty for most users
 * @param legacyShare the share of this user's sign-ins made with those clients
 * @param legacyAlwaysFails whether the legacy client has a stale password, so that it only ever fails
 * @param activity how active the user is, relative to the others
 */
record SampleUser(int index, String id, String userPrincipalName, String displayName, SampleCity city, String homeAddress,
        List<ClientKind> modernKinds, List<ClientKind> legacyKinds, double legacyShare, boolean legacyAlwaysFails, double activity)
{
    SampleUser
    {
        requireNonNull(id, "id is null");
        requireNonNull(userPrincipalName, "userPrincipalName is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(city, "city is null");
        requireNonNull(homeAddress, "homeAddress is null");
        modernKinds = List.copyOf(modernKinds);
        legacyKinds = List.copyOf(legacyKinds);
    }
}
