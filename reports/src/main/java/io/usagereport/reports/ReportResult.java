package io.usagereport.reports;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * What {@link ReportWriter#write} published.
 *
 * @param monthDirectory {@code OUT/<YYYY-MM>}
 * @param index {@code OUT/<YYYY-MM>/index.html}
 * @param tenants posts written (one per tenant)
 * @param tenantsUsingBasicAuth tenants with any Basic-auth use in the month
 * @param highSeverity posts of severity {@code high} (Basic auth in use on a protocol with a deadline ahead)
 */
public record ReportResult(Path monthDirectory, Path index, int tenants, int tenantsUsingBasicAuth, int highSeverity)
{
    public ReportResult
    {
        requireNonNull(monthDirectory, "monthDirectory is null");
        requireNonNull(index, "index is null");
    }
}
