package io.usagereport.reports;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.policy.DeprecationPolicy;
import io.usagereport.reports.policy.DeprecationState;
import io.usagereport.reports.policy.ProtocolStatus;
import io.usagereport.reports.policy.TenantSettings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The facts of one tenant's monthly post, derived once from the usage, the tenant's settings and the policy, so
 * that every output (message.json, usage.json, HTML, charts) says the same thing.
 *
 * @param usage the month's figures
 * @param tenant the tenant's situation
 * @param asOf the publication date; the states and deadlines hold on it
 * @param timeline the deprecation's dates
 * @param statuses the state of each protocol in use, in {@link Protocol} order
 * @param monthOverMonth each protocol in use this month or the previous month, in {@link Protocol} order
 * @param severity {@code high} when a protocol in use has a deadline ahead, {@code normal} otherwise
 * @param nextDeadline the earliest deadline among the protocols in use; empty when none
 */
public record TenantReport(
        TenantMonthUsage usage,
        TenantSettings tenant,
        LocalDate asOf,
        DeprecationPolicy.Timeline timeline,
        Map<Protocol, ProtocolStatus> statuses,
        List<MonthOverMonth> monthOverMonth,
        Severity severity,
        Optional<LocalDate> nextDeadline)
{
    /** The Graph {@code serviceUpdateSeverity} values used. */
    public enum Severity
    {
        NORMAL("normal"),
        HIGH("high");

        private final String code;

        Severity(String code)
        {
            this.code = code;
        }

        public String code()
        {
            return code;
        }
    }

    /**
     * One protocol's change since the previous month.
     *
     * @param previousUsers users in the previous month; empty when there is no data for that month
     * @param previousRequests requests in the previous month; empty when there is no data for that month
     * @param newUsers users this month without a successful sign-in on the protocol the month before; empty when there
     *         is no data for that month (the lake may still hold a few of its rows, from the edges of this month's
     *         exports: too few to call anyone new)
     * @param stoppedUsers users the month before with no successful sign-in on the protocol this month; empty when
     *         there is no data for that month
     */
    public record MonthOverMonth(Protocol protocol, long users, Optional<Long> previousUsers, long requests, Optional<Long> previousRequests,
            Optional<Long> newUsers, Optional<Long> stoppedUsers)
    {
        public MonthOverMonth
        {
            requireNonNull(protocol, "protocol is null");
            requireNonNull(previousUsers, "previousUsers is null");
            requireNonNull(previousRequests, "previousRequests is null");
            requireNonNull(newUsers, "newUsers is null");
            requireNonNull(stoppedUsers, "stoppedUsers is null");
        }

        /** Users now minus users the previous month; empty without data for the previous month. */
        public Optional<Long> usersChange()
        {
            return previousUsers.map(previous -> users - previous);
        }

        /** Requests now minus requests the previous month; empty without data for the previous month. */
        public Optional<Long> requestsChange()
        {
            return previousRequests.map(previous -> requests - previous);
        }
    }

    public TenantReport
    {
        requireNonNull(usage, "usage is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(timeline, "timeline is null");
        statuses = Map.copyOf(requireNonNull(statuses, "statuses is null"));
        monthOverMonth = List.copyOf(requireNonNull(monthOverMonth, "monthOverMonth is null"));
        requireNonNull(severity, "severity is null");
        requireNonNull(nextDeadline, "nextDeadline is null");
        if (!usage.tenantId().equals(tenant.tenantId())) {
            throw new IllegalArgumentException("Tenant settings of " + tenant.tenantId() + " given for usage of " + usage.tenantId());
        }
    }

    /** Derives the facts of a post. */
    public static TenantReport of(TenantMonthUsage usage, TenantSettings tenant, LocalDate asOf, DeprecationPolicy policy)
    {
        Map<Protocol, ProtocolStatus> statuses = new EnumMap<>(Protocol.class);
        Optional<LocalDate> nextDeadline = Optional.empty();
        for (ProtocolUsage protocol : usage.protocols()) {
            ProtocolStatus status = policy.status(tenant, protocol.protocol(), asOf);
            statuses.put(protocol.protocol(), status);
            if (status.deadline().isPresent() && (nextDeadline.isEmpty() || status.deadline().get().isBefore(nextDeadline.get()))) {
                nextDeadline = status.deadline();
            }
        }
        Severity severity = nextDeadline.isPresent() ? Severity.HIGH : Severity.NORMAL;
        return new TenantReport(usage, tenant, asOf, policy.timeline(), statuses, monthOverMonth(usage), severity, nextDeadline);
    }

    private static List<MonthOverMonth> monthOverMonth(TenantMonthUsage usage)
    {
        YearMonth previous = usage.month().minusMonths(1);
        boolean previousHasData = false;
        Map<Protocol, MonthlyUsers> previousByProtocol = new EnumMap<>(Protocol.class);
        for (MonthlyUsers entry : usage.history()) {
            if (entry.month().equals(previous)) {
                previousHasData = true;
                previousByProtocol.put(entry.protocol(), entry);
            }
        }
        Map<Protocol, ProtocolUsage> current = new EnumMap<>(Protocol.class);
        for (ProtocolUsage protocol : usage.protocols()) {
            current.put(protocol.protocol(), protocol);
        }
        Set<Protocol> protocols = new TreeSet<>(current.keySet());
        protocols.addAll(previousByProtocol.keySet());
        List<MonthOverMonth> result = new ArrayList<>();
        for (Protocol protocol : protocols) {
            ProtocolUsage now = current.get(protocol);
            MonthlyUsers before = previousByProtocol.get(protocol);
            // A month present in the history lists only protocols with use: a protocol missing from it had none.
            Optional<Long> previousUsers = previousHasData ? Optional.of(before == null ? 0L : before.users()) : Optional.empty();
            Optional<Long> previousRequests = previousHasData ? Optional.of(before == null ? 0L : before.requests()) : Optional.empty();
            result.add(new MonthOverMonth(
                    protocol,
                    now == null ? 0 : now.users(),
                    previousUsers,
                    now == null ? 0 : now.requests(),
                    previousRequests,
                    previousUsers.map(any -> now == null ? 0 : now.newUsers()),
                    previousUsers.map(users -> now == null ? users : now.stoppedUsers())));
        }
        return result;
    }

    /** Whether the tenant used Basic auth at all in the month. */
    public boolean basicAuthInUse()
    {
        return usage.basicAuthInUse();
    }

    /** Whether a protocol in use is affected by the retirement (any state but {@code not_affected}). */
    public boolean affected()
    {
        return statuses.values().stream().anyMatch(status -> status.state() != DeprecationState.NOT_AFFECTED);
    }

    /**
     * The months of the users-over-time view: every month from the earliest month of the history (at most eleven
     * months back) to the report's month, gaps included.
     */
    public List<YearMonth> historyMonths()
    {
        YearMonth first = usage.month();
        for (MonthlyUsers entry : usage.history()) {
            if (entry.month().isBefore(first) && !entry.month().isBefore(usage.month().minusMonths(11))) {
                first = entry.month();
            }
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(usage.month()); month = month.plusMonths(1)) {
            months.add(month);
        }
        return List.copyOf(months);
    }

    /**
     * Users per month for each protocol seen in {@link #historyMonths()}: an empty value for a month without data.
     * Protocols in {@link Protocol} order.
     */
    public Map<Protocol, List<Optional<Long>>> usersByMonth()
    {
        List<YearMonth> months = historyMonths();
        Set<YearMonth> monthsWithData = new TreeSet<>();
        Map<YearMonth, Map<Protocol, Long>> byMonth = new LinkedHashMap<>();
        for (MonthlyUsers entry : usage.history()) {
            monthsWithData.add(entry.month());
            byMonth.computeIfAbsent(entry.month(), month -> new EnumMap<>(Protocol.class)).put(entry.protocol(), entry.users());
        }
        monthsWithData.add(usage.month());
        Map<Protocol, Long> current = new EnumMap<>(Protocol.class);
        for (ProtocolUsage protocol : usage.protocols()) {
            current.put(protocol.protocol(), protocol.users());
        }
        byMonth.put(usage.month(), current);
        Set<Protocol> protocols = new TreeSet<>();
        for (YearMonth month : months) {
            protocols.addAll(byMonth.getOrDefault(month, Map.of()).keySet());
        }
        Map<Protocol, List<Optional<Long>>> result = new EnumMap<>(Protocol.class);
        for (Protocol protocol : protocols) {
            List<Optional<Long>> values = new ArrayList<>();
            for (YearMonth month : months) {
                values.add(monthsWithData.contains(month)
                        ? Optional.of(byMonth.getOrDefault(month, Map.of()).getOrDefault(protocol, 0L))
                        : Optional.empty());
            }
            result.put(protocol, values);
        }
        return result;
    }

    /** The busiest users (by requests, then name) of a protocol, at most {@code limit}. */
    public List<UserUsage> topUsers(Protocol protocol, int limit)
    {
        return usage.topUsers().stream()
                .filter(user -> user.protocol() == protocol)
                .sorted(Comparator.comparingLong(UserUsage::requests).reversed().thenComparing(UserUsage::userPrincipalName))
                .limit(limit)
                .toList();
    }
}
