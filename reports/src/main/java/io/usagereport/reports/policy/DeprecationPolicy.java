package io.usagereport.reports.policy;

import io.usagereport.ingest.Protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The 2022 retirement of Basic authentication in Exchange Online: the timeline as data plus one pure function,
 * {@link #status(TenantSettings, Protocol, LocalDate)}. Reports never re-derive these rules.
 *
 * <h2>Which protocols, and why</h2>
 * <ul>
 * <li>{@code MAPI, RPC, OAB, EWS, POP, IMAP, EAS, REMOTE_POWERSHELL}: the eight protocols Microsoft disables
 *     from 2022-10-01 ({@link Scope#DISABLED_FROM_OCTOBER}); they follow the opt-out and re-enable rules.</li>
 * <li>{@code SMTP_AUTH}: explicitly left out of the change; the tenant controls it itself ({@code not_affected}).</li>
 * <li>{@code REPORTING_WEB_SERVICES}: stays on for every tenant until 2022-12-31, with no opt-out or re-enable
 *     ({@code enabled_until_year_end}), and is off from 2023-01-01 ({@code permanently_disabled}).</li>
 * <li>{@code AUTODISCOVER}: not one of the eight switches of the diagnostic, so it cannot be opted out or re-enabled
 *     on its own and has no date of its own; an Autodiscover lookup comes from a client that then connects with one
 *     of the eight protocols, whose state carries the deadline. Reported as {@code not_affected}, with the advice to
 *     move the client to Modern authentication.</li>
 * <li>{@code OTHER_LEGACY}: a legacy client the sign-in log does not name (e.g. "Other clients"); no rule of the
 *     timeline can be attached to it, so {@code not_affected}, with the same advice.</li>
 * <li>{@code MODERN}: not Basic authentication at all ({@code not_affected}, nothing to do).</li>
 * </ul>
 *
 * <h2>Readings of the timeline</h2>
 * <ul>
 * <li>The permanent disablement rolled out during the first week of January 2023; as nothing can be re-enabled from
 *     2023-01-01 on, every protocol in scope is {@code permanently_disabled} from that day.</li>
 * <li>Opt-outs and re-enables made before 2022-09-01 were archived that day. An opt-out the tenants file records
 *     for an as-of date before 2022-09-01 is such an earlier one: it is shown as {@code opted_out} with the
 *     deadline 2022-09-30, by which it must be repeated.</li>
 * <li>A re-enable counts from its date (the file only accepts dates from 2022-10-01 to 2022-12-31).</li>
 * <li>Deadlines: {@code scheduled} until 2022-09-30 → 2022-09-30 (the opt-out window closes); {@code scheduled}
 *     later → the announced disablement date if the file has one, otherwise the earliest day it can happen given
 *     the 7-day notice (as-of + 7 days, at most 2023-01-01); {@code opted_out}, {@code disabled},
 *     {@code re_enabled}, {@code enabled_until_year_end} → 2022-12-31, the last day Basic auth can be on.</li>
 * </ul>
 */
public final class DeprecationPolicy
{
    /** How the deprecation treats a protocol. */
    public enum Scope
    {
        DISABLED_FROM_OCTOBER,
        ENABLED_UNTIL_YEAR_END,
        NOT_AFFECTED
    }

    /**
     * The dates of the retirement.
     *
     * @param optOutOpens first day the self-service diagnostic offers the opt-out (earlier requests archived that day)
     * @param optOutCloses last day to opt out
     * @param disablementStarts first day Microsoft may disable Basic auth for a randomly picked tenant
     * @param noticeDays days between the Message Center post announcing a tenant's disablement and the disablement
     * @param reEnableEnds last day a re-enabled, opted-out or year-end protocol keeps Basic auth
     * @param permanentDisablementStarts first day of the permanent disablement (no diagnostic, no re-enable)
     * @param permanentDisablementEnds last day of the week in which the permanent disablement rolls out
     */
    public record Timeline(
            LocalDate optOutOpens,
            LocalDate optOutCloses,
            LocalDate disablementStarts,
            int noticeDays,
            LocalDate reEnableEnds,
            LocalDate permanentDisablementStarts,
            LocalDate permanentDisablementEnds)
    {
        public Timeline
        {
            requireNonNull(optOutOpens, "optOutOpens is null");
            requireNonNull(optOutCloses, "optOutCloses is null");
            requireNonNull(disablementStarts, "disablementStarts is null");
            requireNonNull(reEnableEnds, "reEnableEnds is null");
            requireNonNull(permanentDisablementStarts, "permanentDisablementStarts is null");
            requireNonNull(permanentDisablementEnds, "permanentDisablementEnds is null");
            if (noticeDays < 0) {
                throw new IllegalArgumentException("noticeDays is negative: " + noticeDays);
            }
            if (!(optOutOpens.isBefore(optOutCloses)
                    && optOutCloses.isBefore(disablementStarts)
                    && disablementStarts.isBefore(reEnableEnds)
                    && reEnableEnds.isBefore(permanentDisablementStarts)
                    && !permanentDisablementEnds.isBefore(permanentDisablementStarts))) {
                throw new IllegalArgumentException("Invalid timeline: dates out of order: " + this);
            }
        }
    }

    /** The timeline Microsoft published for Exchange Online (September 2022 update). */
    public static final Timeline EXCHANGE_ONLINE_2022 = new Timeline(
            LocalDate.of(2022, 9, 1),
            LocalDate.of(2022, 9, 30),
            LocalDate.of(2022, 10, 1),
            7,
            LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 1, 1),
            LocalDate.of(2023, 1, 7));

    private static final Map<Protocol, Scope> SCOPES = scopes();

    private static final DeprecationPolicy EXCHANGE_ONLINE = new DeprecationPolicy(EXCHANGE_ONLINE_2022);

    private final Timeline timeline;

    private DeprecationPolicy(Timeline timeline)
    {
        this.timeline = requireNonNull(timeline, "timeline is null");
    }

    /** The policy of Exchange Online's 2022 retirement. */
    public static DeprecationPolicy exchangeOnline()
    {
        return EXCHANGE_ONLINE;
    }

    public Timeline timeline()
    {
        return timeline;
    }

    /** How the deprecation treats a protocol. */
    public static Scope scope(Protocol protocol)
    {
        return SCOPES.get(requireNonNull(protocol, "protocol is null"));
    }

    /** Whether the protocol is one of the eight disabled from 2022-10-01 (the ones that can be opted out or re-enabled). */
    public static boolean disabledFromOctober(Protocol protocol)
    {
        return scope(protocol) == Scope.DISABLED_FROM_OCTOBER;
    }

    /**
     * The state of Basic auth for one protocol of one tenant on a date. Pure: same arguments, same answer.
     *
     * @param tenant what the operator knows about the tenant
     * @param protocol the protocol
     * @param asOf the date of the report (its publication date)
     */
    public ProtocolStatus status(TenantSettings tenant, Protocol protocol, LocalDate asOf)
    {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(asOf, "asOf is null");
        return switch (scope(protocol)) {
            case NOT_AFFECTED -> notAffected(protocol);
            case ENABLED_UNTIL_YEAR_END -> enabledUntilYearEnd(asOf);
            case DISABLED_FROM_OCTOBER -> disabledFromOctober(tenant, protocol, asOf);
        };
    }

    private static ProtocolStatus notAffected(Protocol protocol)
    {
        if (protocol == Protocol.AUTODISCOVER || protocol == Protocol.OTHER_LEGACY) {
            return new ProtocolStatus(DeprecationState.NOT_AFFECTED, Optional.empty(), List.of(Action.MIGRATE_TO_MODERN_AUTH));
        }
        return new ProtocolStatus(DeprecationState.NOT_AFFECTED, Optional.empty(), List.of(Action.NONE));
    }

    private ProtocolStatus enabledUntilYearEnd(LocalDate asOf)
    {
        if (asOf.isBefore(timeline.permanentDisablementStarts())) {
            return new ProtocolStatus(
                    DeprecationState.ENABLED_UNTIL_YEAR_END,
                    Optional.of(timeline.reEnableEnds()),
                    List.of(Action.MIGRATE_TO_MODERN_AUTH));
        }
        return new ProtocolStatus(DeprecationState.PERMANENTLY_DISABLED, Optional.empty(), List.of(Action.MIGRATE_TO_MODERN_AUTH));
    }

    private ProtocolStatus disabledFromOctober(TenantSettings tenant, Protocol protocol, LocalDate asOf)
    {
        if (!asOf.isBefore(timeline.permanentDisablementStarts())) {
            return inScope(protocol, DeprecationState.PERMANENTLY_DISABLED, Optional.empty(), Action.MIGRATE_TO_MODERN_AUTH);
        }
        Optional<LocalDate> reEnabledOn = Optional.ofNullable(tenant.reEnabled().get(protocol));
        if (reEnabledOn.isPresent() && !asOf.isBefore(reEnabledOn.get())) {
            return inScope(protocol, DeprecationState.RE_ENABLED, Optional.of(timeline.reEnableEnds()), Action.MIGRATE_TO_MODERN_AUTH);
        }
        if (tenant.optedOut().contains(protocol)) {
            if (asOf.isBefore(timeline.optOutOpens())) {
                // An opt-out made before September was archived on its first day: it must be made again.
                return inScope(
                        protocol,
                        DeprecationState.OPTED_OUT,
                        Optional.of(timeline.optOutCloses()),
                        optOutAction(tenant.cloud()),
                        Action.MIGRATE_TO_MODERN_AUTH);
            }
            return inScope(
                    protocol,
                    DeprecationState.OPTED_OUT,
                    Optional.of(timeline.reEnableEnds()),
                    Action.MIGRATE_TO_MODERN_AUTH,
                    Action.BLOCK_WITH_AUTHENTICATION_POLICY);
        }
        if (tenant.disabledOn().isPresent() && !asOf.isBefore(tenant.disabledOn().get())) {
            return inScope(
                    protocol,
                    DeprecationState.DISABLED,
                    Optional.of(timeline.reEnableEnds()),
                    Action.MIGRATE_TO_MODERN_AUTH,
                    reEnableAction(tenant.cloud()));
        }
        if (!asOf.isAfter(timeline.optOutCloses())) {
            return inScope(
                    protocol,
                    DeprecationState.SCHEDULED,
                    Optional.of(timeline.optOutCloses()),
                    Action.MIGRATE_TO_MODERN_AUTH,
                    optOutAction(tenant.cloud()),
                    Action.BLOCK_WITH_AUTHENTICATION_POLICY);
        }
        LocalDate earliestDisablement = asOf.plusDays(timeline.noticeDays());
        if (earliestDisablement.isAfter(timeline.permanentDisablementStarts())) {
            earliestDisablement = timeline.permanentDisablementStarts();
        }
        return inScope(
                protocol,
                DeprecationState.SCHEDULED,
                Optional.of(tenant.disabledOn().orElse(earliestDisablement)),
                Action.MIGRATE_TO_MODERN_AUTH,
                Action.BLOCK_WITH_AUTHENTICATION_POLICY);
    }

    private static Action optOutAction(Cloud cloud)
    {
        return switch (cloud) {
            case COMMERCIAL -> Action.OPT_OUT_BY_2022_09_30;
            case GCC -> Action.OPT_OUT_FOLLOWING_GCC_POST;
        };
    }

    private static Action reEnableAction(Cloud cloud)
    {
        return switch (cloud) {
            case COMMERCIAL -> Action.RE_ENABLE_ONCE_UNTIL_YEAR_END;
            case GCC -> Action.OPEN_SUPPORT_TICKET;
        };
    }

    private static ProtocolStatus inScope(Protocol protocol, DeprecationState state, Optional<LocalDate> deadline, Action... actions)
    {
        List<Action> all = new ArrayList<>(List.of(actions));
        if (protocol == Protocol.REMOTE_POWERSHELL) {
            // Scripts are the usual Remote PowerShell clients: app-only certificate authentication replaces their passwords.
            all.add(Action.MOVE_TO_CERTIFICATE_AUTH);
        }
        return new ProtocolStatus(state, deadline, all);
    }

    private static Map<Protocol, Scope> scopes()
    {
        Map<Protocol, Scope> scopes = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            scopes.put(protocol, switch (protocol) {
                case MAPI, RPC, OAB, EWS, POP, IMAP, EAS, REMOTE_POWERSHELL -> Scope.DISABLED_FROM_OCTOBER;
                case REPORTING_WEB_SERVICES -> Scope.ENABLED_UNTIL_YEAR_END;
                case SMTP_AUTH, AUTODISCOVER, OTHER_LEGACY, MODERN -> Scope.NOT_AFFECTED;
            });
        }
        return Map.copyOf(scopes);
    }
}
