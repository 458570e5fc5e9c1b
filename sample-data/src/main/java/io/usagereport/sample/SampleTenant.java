package io.usagereport.sample;

import static java.util.Objects.requireNonNull;

/** One sample tenant: its id (a GUID derived from the seed), names, and situation. */
record SampleTenant(int index, String id, String name, String domain, TenantProfile profile)
{
    SampleTenant
    {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(profile, "profile is null");
    }

    static SampleTenant create(long seed, int index)
    {
        TenantProfile profile = TenantProfile.forTenant(index);
        SampleRandom random = new SampleRandom(SampleRandom.seed(seed, index, 0x7E4A47L));
        int round = index / TenantProfile.values().length;
        String suffix = round == 0 ? "" : Integer.toString(round + 1);
        String name = round == 0 ? profile.displayName() : profile.displayName() + " " + (round + 1);
        return new SampleTenant(index, random.guid(), name, profile.domainStem() + suffix + profile.domainSuffix(), profile);
    }
}
