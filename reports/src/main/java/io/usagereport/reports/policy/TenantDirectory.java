package io.usagereport.reports.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tenants the operator described, by tenant id. A tenant it does not know gets
 * {@link TenantSettings#defaults(String)}: commercial, no opt-out, no re-enable.
 */
public final class TenantDirectory
{
    private static final TenantDirectory EMPTY = new TenantDirectory(Map.of());

    private final Map<String, TenantSettings> tenants;

    private TenantDirectory(Map<String, TenantSettings> tenants)
    {
        this.tenants = tenants;
    }

    /** A directory that knows no tenant (no tenants file given). */
    public static TenantDirectory empty()
    {
        return EMPTY;
    }

    /**
     * A directory of the given tenants.
     *
     * @throws IllegalArgumentException when a tenant id appears twice
     */
    public static TenantDirectory of(Collection<TenantSettings> settings)
    {
        Map<String, TenantSettings> tenants = new LinkedHashMap<>();
        for (TenantSettings tenant : requireNonNull(settings, "settings is null")) {
            if (tenants.putIfAbsent(tenant.tenantId(), tenant) != null) {
                throw new IllegalArgumentException("Duplicate tenant id: " + tenant.tenantId());
            }
        }
        return new TenantDirectory(Map.copyOf(tenants));
    }

    /** The tenant's settings, or the defaults when the tenant is not listed. */
    public TenantSettings settingsFor(String tenantId)
    {
        return find(tenantId).orElseGet(() -> TenantSettings.defaults(tenantId));
    }

    /** The tenant's settings as listed; empty when not listed. */
    public Optional<TenantSettings> find(String tenantId)
    {
        return Optional.ofNullable(tenants.get(requireNonNull(tenantId, "tenantId is null")));
    }

    /** How many tenants are listed. */
    public int size()
    {
        return tenants.size();
    }
}
