package io.usagereport.sample;

import io.usagereport.ingest.Protocol;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@link SampleGenerator} wrote, and the figures a correct pipeline must compute from it.
 *
 * @param files every export written, in writing order
 * @param tenants one summary per tenant, in tenant order
 * @param usage the expected Basic-auth figures of the month, per tenant and protocol (only protocols with requests)
 */
public record SampleResult(List<WrittenFile> files, List<TenantSummary> tenants, List<ProtocolUsage> usage)
{
    public SampleResult
    {
        files = List.copyOf(requireNonNull(files, "files is null"));
        tenants = List.copyOf(requireNonNull(tenants, "tenants is null"));
        usage = List.copyOf(requireNonNull(usage, "usage is null"));
    }

    /**
     * One export file.
     *
     * @param path the file
     * @param format its format
     * @param tenantId the tenant (its directory name)
     * @param rows data rows (sign-ins) written, malformed rows included
     * @param malformedRows rows written broken on purpose, which an ingest must reject
     * @param bytes the file's size
     */
    public record WrittenFile(Path path, SampleFormat format, String tenantId, long rows, long malformedRows, long bytes)
    {
        public WrittenFile
        {
            requireNonNull(path, "path is null");
            requireNonNull(format, "format is null");
            requireNonNull(tenantId, "tenantId is null");
        }
    }

    /**
     * One tenant.
     *
     * @param tenantId the tenant id (a GUID)
     * @param name the tenant's display name
     * @param signIns distinct sign-ins written, including those on the neighbouring months' boundary days
     * @param signInsInMonth distinct sign-ins whose UTC time falls in the month
     * @param duplicateRows rows that repeat a sign-in already written to another file (same id)
     * @param malformedRows rows written broken on purpose
     * @param basicAuthRequests Basic-auth sign-ins in the month
     * @param basicAuthUsers distinct users with at least one successful Basic-auth sign-in in the month
     */
    public record TenantSummary(String tenantId, String name, long signIns, long signInsInMonth, long duplicateRows,
            long malformedRows, long basicAuthRequests, long basicAuthUsers)
    {
        public TenantSummary
        {
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(name, "name is null");
        }
    }

    /**
     * The expected figures of one tenant and protocol in the month, as the {@code basic_auth_by_protocol} mart
     * defines them.
     *
     * @param users distinct users with at least one successful sign-in on the protocol
     * @param usersAttempting distinct users with any sign-in on the protocol
     */
    public record ProtocolUsage(String tenantId, Protocol protocol, long users, long usersAttempting, long requests,
            long successfulRequests, long failedRequests)
    {
        public ProtocolUsage
        {
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(protocol, "protocol is null");
        }
    }
}
