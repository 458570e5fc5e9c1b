package io.usagereport.reports.policy;

import io.usagereport.ingest.Protocol;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What the operator knows about a tenant's situation in the deprecation: one line of the tenants file.
 *
 * @param tenantId the tenant's id (a GUID in practice); letters, digits, {@code .}, {@code _} and {@code -} only,
 *        because it names the tenant's output folder
 * @param name the tenant's display name; empty when the file gives none
 * @param cloud the cloud, which decides how the tenant opts out and re-enables
 * @param optedOut protocols opted out of the 2022 disablement; empty when none
 * @param reEnabled protocols re-enabled after their disablement, with the date of the re-enable; empty when none
 * @param disabledOn the date Microsoft disabled Basic auth for the tenant's protocols that were not opted out
 *        (announced by a Message Center post 7 days before); empty when not known or not yet announced
 */
public record TenantSettings(
        String tenantId,
        Optional<String> name,
        Cloud cloud,
        Set<Protocol> optedOut,
        Map<Protocol, LocalDate> reEnabled,
        Optional<LocalDate> disabledOn)
{
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]+");

    public TenantSettings
    {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(name, "name is null");
        requireNonNull(cloud, "cloud is null");
        requireNonNull(optedOut, "optedOut is null");
        requireNonNull(reEnabled, "reEnabled is null");
        requireNonNull(disabledOn, "disabledOn is null");
        requireValidTenantId(tenantId);
        name = name.map(String::strip).filter(value -> !value.isEmpty());
        optedOut = optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
        reEnabled = reEnabled.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reEnabled));
    }

    /** The settings of a tenant missing from the tenants file: commercial, no opt-out, no re-enable, not disabled. */
    public static TenantSettings defaults(String tenantId)
    {
        return new TenantSettings(tenantId, Optional.empty(), Cloud.COMMERCIAL, Set.of(), Map.of(), Optional.empty());
    }

    /**
     * Checks that a tenant id can safely name a folder.
     *
     * @throws IllegalArgumentException when it cannot
     */
    public static void requireValidTenantId(String tenantId)
    {
        if (!TENANT_ID.matcher(tenantId).matches() || tenantId.equals(".") || tenantId.equals("..")) {
            throw new IllegalArgumentException("Invalid tenant id: '" + tenantId + "'; expected letters, digits, '.', '_' or '-'");
        }
    }

    /** The name to show: the display name, or the tenant id when there is none. */
    public String displayName()
    {
        return name.orElse(tenantId);
    }
}
