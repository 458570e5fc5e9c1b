package io.usagereport.sample;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What {@link SampleGenerator} writes.
 *
 * @param outputDirectory where the exports go, one subdirectory per tenant id
 * @param tenants how many tenants; tenant {@code i} follows situation {@code i % 5} (see the sample-data README)
 * @param usersPerTenant how many users each tenant has
 * @param month the month the exports cover; a few sign-ins fall on the previous month's last day and the next
 *        month's first day
 * @param rowsPerTenant how many distinct sign-ins each tenant has (rows in files can be more: some sign-ins are
 *        exported twice); empty means {@value #DEFAULT_ROWS_PER_USER} per user
 * @param seed the seed of every random choice: the same options give byte-identical files
 * @param formats the formats to write; a tenant's export in a format left out is written in {@link SampleFormat#ENTRA_CSV}
 *        instead (or the first format chosen, when that one is left out too), so every sign-in is still written
 * @param tenantsFile where to write the tenants file ({@code tenant_id,name,cloud,opted_out,re_enabled,disabled_on});
 *        empty means not written
 * @param expectedUsageFile where to write the expected Basic-auth figures of the month as CSV; empty means not written
 */
public record SampleOptions(
        Path outputDirectory,
        int tenants,
        int usersPerTenant,
        YearMonth month,
        OptionalInt rowsPerTenant,
        long seed,
        Set<SampleFormat> formats,
        Optional<Path> tenantsFile,
        Optional<Path> expectedUsageFile)
{
    public static final int DEFAULT_TENANTS = 5;
    public static final int DEFAULT_USERS_PER_TENANT = 40;
    public static final YearMonth DEFAULT_MONTH = YearMonth.of(2022, 9);
    public static final int DEFAULT_ROWS_PER_USER = 15;
    public static final long DEFAULT_SEED = 20220901L;
    public static final int MAX_TENANTS = 10_000;
    public static final int MAX_USERS_PER_TENANT = 1_000_000;

    public SampleOptions
    {
        requireNonNull(outputDirectory, "outputDirectory is null");
        requireNonNull(month, "month is null");
        requireNonNull(rowsPerTenant, "rowsPerTenant is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(tenantsFile, "tenantsFile is null");
        requireNonNull(expectedUsageFile, "expectedUsageFile is null");
        if (tenants < 1 || tenants > MAX_TENANTS) {
            throw new IllegalArgumentException("Invalid tenant count: " + tenants + "; expected 1 to " + MAX_TENANTS);
        }
        if (usersPerTenant < 1 || usersPerTenant > MAX_USERS_PER_TENANT) {
            throw new IllegalArgumentException("Invalid users per tenant: " + usersPerTenant + "; expected 1 to " + MAX_USERS_PER_TENANT);
        }
        if (rowsPerTenant.isPresent() && rowsPerTenant.getAsInt() < 1) {
            throw new IllegalArgumentException("Invalid rows per tenant: " + rowsPerTenant.getAsInt() + "; expected at least 1");
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("Invalid formats: none chosen");
        }
        // an EnumSet iterates in declaration order, so the files come out the same on every run
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** The distinct sign-ins per tenant, {@link #rowsPerTenant} or its default. */
    public int effectiveRowsPerTenant()
    {
        if (rowsPerTenant.isPresent()) {
            return rowsPerTenant.getAsInt();
        }
        long rows = (long) usersPerTenant * DEFAULT_ROWS_PER_USER;
        return (int) Math.min(rows, Integer.MAX_VALUE);
    }

    public static Builder builder(Path outputDirectory)
    {
        return new Builder(outputDirectory);
    }

    public static final class Builder
    {
        private final Path outputDirectory;
        private int tenants = DEFAULT_TENANTS;
        private int usersPerTenant = DEFAULT_USERS_PER_TENANT;
        private YearMonth month = DEFAULT_MONTH;
        private OptionalInt rowsPerTenant = OptionalInt.empty();
        private long seed = DEFAULT_SEED;
        private Set<SampleFormat> formats = EnumSet.allOf(SampleFormat.class);
        private Optional<Path> tenantsFile = Optional.empty();
        private Optional<Path> expectedUsageFile = Optional.empty();

        private Builder(Path outputDirectory)
        {
            this.outputDirectory = requireNonNull(outputDirectory, "outputDirectory is null");
        }

        public Builder tenants(int tenants)
        {
            this.tenants = tenants;
            return this;
        }

        public Builder usersPerTenant(int usersPerTenant)
        {
            this.usersPerTenant = usersPerTenant;
            return this;
        }

        public Builder month(YearMonth month)
        {
            this.month = requireNonNull(month, "month is null");
            return this;
        }

        public Builder rowsPerTenant(int rowsPerTenant)
        {
            this.rowsPerTenant = OptionalInt.of(rowsPerTenant);
            return this;
        }

        public Builder seed(long seed)
        {
            this.seed = seed;
            return this;
        }

        public Builder formats(Set<SampleFormat> formats)
        {
            this.formats = requireNonNull(formats, "formats is null");
            return this;
        }

        public Builder tenantsFile(Path tenantsFile)
        {
            this.tenantsFile = Optional.of(requireNonNull(tenantsFile, "tenantsFile is null"));
            return this;
        }

        public Builder expectedUsageFile(Path expectedUsageFile)
        {
            this.expectedUsageFile = Optional.of(requireNonNull(expectedUsageFile, "expectedUsageFile is null"));
            return this;
        }

        public SampleOptions build()
        {
            return new SampleOptions(outputDirectory, tenants, usersPerTenant, month, rowsPerTenant, seed, formats,
                    tenantsFile, expectedUsageFile);
        }
    }
}
