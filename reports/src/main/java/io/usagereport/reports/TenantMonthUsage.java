package io.usagereport.reports;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.policy.TenantSettings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything one tenant's monthly report is built from: the input model of {@link ReportWriter}, loaded from the
 * marts {@code basic_auth_by_protocol}, {@code basic_auth_by_user} and {@code tenant_summary} and the ingest
 * manifests. Build it with {@link #builder(String, YearMonth)}.
 *
 * @param tenantId the tenant id; letters, digits, {@code .}, {@code _}, {@code -} (it names the output folder)
 * @param month the usage month (the report covers its sign-ins, UTC)
 * @param protocols Basic-auth use per protocol, each protocol at most once; only protocols with at least one
 *        request; empty when the tenant used no Basic auth in the month
 * @param reportLineUsers distinct users who successfully authenticated, per line of Microsoft's report; for
 *        {@link ReportLine#OUTLOOK_WINDOWS} a user of MAPI, RPC and OAB counts once, so the analytics side must
 *        compute it (it cannot be summed here); a missing line means 0
 * @param topUsers the users to list, any order; the report shows the busiest five per protocol; empty when none
 * @param history earlier months' use per protocol (users, requests), for the trend, like the marts: a month with
 *        data lists its protocols with use, so a protocol missing from a listed month had no use (zero), and a month
 *        missing altogether had no data (shown as "no data", not as zero; to mark a month with data but no use, list
 *        one protocol with zero users and requests); never the report's own month or later
 * @param dataQuality how complete the input was
 * @param signIns all sign-ins of the tenant in the month, Basic auth or not ({@code tenant_summary.sign_ins})
 */
public record TenantMonthUsage(
        String tenantId,
        YearMonth month,
        List<ProtocolUsage> protocols,
        Map<ReportLine, Long> reportLineUsers,
        List<UserUsage> topUsers,
        List<MonthlyUsers> history,
        DataQuality dataQuality,
        long signIns)
{
    public TenantMonthUsage
    {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(month, "month is null");
        requireNonNull(protocols, "protocols is null");
        requireNonNull(reportLineUsers, "reportLineUsers is null");
        requireNonNull(topUsers, "topUsers is null");
        requireNonNull(history, "history is null");
        requireNonNull(dataQuality, "dataQuality is null");
        TenantSettings.requireValidTenantId(tenantId);
        ProtocolUsage.requireNotNegative("signIns", signIns);

        Map<Protocol, ProtocolUsage> byProtocol = new EnumMap<>(Protocol.class);
        for (ProtocolUsage usage : protocols) {
            if (byProtocol.put(usage.protocol(), usage) != null) {
                throw new IllegalArgumentException(invalid(tenantId, month, "protocol " + usage.protocol() + " listed twice"));
            }
        }
        protocols = List.copyOf(byProtocol.values());

        Map<ReportLine, Long> lines = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            long users = reportLineUsers.getOrDefault(line, 0L);
            ProtocolUsage.requireNotNegative("reportLineUsers[" + line + "]", users);
            long largest = 0;
            long sum = 0;
            for (Protocol protocol : line.protocols()) {
                ProtocolUsage usage = byProtocol.get(protocol);
                long protocolUsers = usage == null ? 0 : usage.users();
                largest = Math.max(largest, protocolUsers);
                sum += protocolUsers;
            }
            // Distinct users across the line's protocols lie between the largest single count and the sum.
            if (users < largest || users > sum) {
                throw new IllegalArgumentException(invalid(tenantId, month, "report line " + line + " has " + users
                        + " users; expected between " + largest + " and " + sum + " (its protocols' users)"));
            }
            lines.put(line, users);
        }
        reportLineUsers = Map.copyOf(lines);

        topUsers = List.copyOf(topUsers);
        Set<String> userKeys = new java.util.HashSet<>();
        for (UserUsage user : topUsers) {
            if (!userKeys.add(user.userPrincipalName() + "\u0000" + user.protocol())) {
                throw new IllegalArgumentException(invalid(tenantId, month, "user " + user.userPrincipalName() + " listed twice for " + user.protocol()));
            }
        }

        Set<String> historyKeys = new java.util.HashSet<>();
        for (MonthlyUsers entry : history) {
            if (!entry.month().isBefore(month)) {
                throw new IllegalArgumentException(invalid(tenantId, month, "history month " + entry.month() + " is not before the report month"));
            }
            if (!historyKeys.add(entry.month() + "\u0000" + entry.protocol())) {
                throw new IllegalArgumentException(invalid(tenantId, month, "history lists " + entry.protocol() + " twice for " + entry.month()));
            }
        }
        List<MonthlyUsers> sortedHistory = new ArrayList<>(history);
        sortedHistory.sort(java.util.Comparator.comparing(MonthlyUsers::month).thenComparing(MonthlyUsers::protocol));
        history = List.copyOf(sortedHistory);

        for (LocalDate day : dataQuality.daysWithoutData()) {
            if (!YearMonth.from(day).equals(month)) {
                throw new IllegalArgumentException(invalid(tenantId, month, "day without data " + day + " is outside the month"));
            }
        }
    }

    private static String invalid(String tenantId, YearMonth month, String problem)
    {
        return "Invalid usage of tenant " + tenantId + " for " + month + ": " + problem;
    }

    /** Whether the tenant used Basic auth at all in the month (any request on any protocol). */
    public boolean basicAuthInUse()
    {
        return !protocols.isEmpty();
    }

    /** The protocols with use, in {@link Protocol} order. */
    public Set<Protocol> protocolsInUse()
    {
        Set<Protocol> inUse = EnumSet.noneOf(Protocol.class);
        for (ProtocolUsage usage : protocols) {
            inUse.add(usage.protocol());
        }
        return inUse;
    }

    public static Builder builder(String tenantId, YearMonth month)
    {
        return new Builder(tenantId, month);
    }

    /** Builds a {@link TenantMonthUsage}; everything but the tenant and month defaults to empty or zero. */
    public static final class Builder
    {
        private final String tenantId;
        private final YearMonth month;
        private final List<ProtocolUsage> protocols = new ArrayList<>();
        private final Map<ReportLine, Long> reportLineUsers = new EnumMap<>(ReportLine.class);
        private final List<UserUsage> topUsers = new ArrayList<>();
        private final List<MonthlyUsers> history = new ArrayList<>();
        private DataQuality dataQuality = new DataQuality(0, 0, 0, List.of());
        private long signIns;

        private Builder(String tenantId, YearMonth month)
        {
            this.tenantId = requireNonNull(tenantId, "tenantId is null");
            this.month = requireNonNull(month, "month is null");
        }

        public Builder protocol(ProtocolUsage usage)
        {
            protocols.add(requireNonNull(usage, "usage is null"));
            return this;
        }

        public Builder reportLineUsers(ReportLine line, long users)
        {
            reportLineUsers.put(requireNonNull(line, "line is null"), users);
            return this;
        }

        public Builder topUser(UserUsage user)
        {
            topUsers.add(requireNonNull(user, "user is null"));
            return this;
        }

        public Builder history(MonthlyUsers entry)
        {
            history.add(requireNonNull(entry, "entry is null"));
            return this;
        }

        public Builder dataQuality(DataQuality value)
        {
            dataQuality = requireNonNull(value, "value is null");
            return this;
        }

        public Builder signIns(long value)
        {
            signIns = value;
            return this;
        }

        public TenantMonthUsage build()
        {
            return new TenantMonthUsage(tenantId, month, protocols, reportLineUsers, topUsers, history, dataQuality, signIns);
        }
    }
}
