package io.usagereport.reports.policy;

import io.usagereport.ingest.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.usagereport.reports.policy.Action.BLOCK_WITH_AUTHENTICATION_POLICY;
import static io.usagereport.reports.policy.Action.MIGRATE_TO_MODERN_AUTH;
import static io.usagereport.reports.policy.Action.MOVE_TO_CERTIFICATE_AUTH;
import static io.usagereport.reports.policy.Action.NONE;
import static io.usagereport.reports.policy.Action.OPEN_SUPPORT_TICKET;
import static io.usagereport.reports.policy.Action.OPT_OUT_BY_2022_09_30;
import static io.usagereport.reports.policy.Action.OPT_OUT_FOLLOWING_GCC_POST;
import static io.usagereport.reports.policy.Action.RE_ENABLE_ONCE_UNTIL_YEAR_END;
import static io.usagereport.reports.policy.DeprecationState.DISABLED;
import static io.usagereport.reports.policy.DeprecationState.ENABLED_UNTIL_YEAR_END;
import static io.usagereport.reports.policy.DeprecationState.NOT_AFFECTED;
import static io.usagereport.reports.policy.DeprecationState.OPTED_OUT;
import static io.usagereport.reports.policy.DeprecationState.PERMANENTLY_DISABLED;
import static io.usagereport.reports.policy.DeprecationState.RE_ENABLED;
import static io.usagereport.reports.policy.DeprecationState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDeprecationPolicy
{
    private static final DeprecationPolicy POLICY = DeprecationPolicy.exchangeOnline();

    private static final LocalDate OCTOBER_1 = LocalDate.parse("2022-10-01");

    /** The tenant situations of the table, by name. */
    private static final Map<String, TenantSettings> SITUATIONS = Map.of(
            "commercial", TenantSettings.defaults("t1"),
            "opted-out", tenant(Cloud.COMMERCIAL, Set.of(Protocol.IMAP, Protocol.REMOTE_POWERSHELL), Map.of(), Optional.empty()),
            "disabled", tenant(Cloud.COMMERCIAL, Set.of(), Map.of(), Optional.of(OCTOBER_1)),
            "re-enabled", tenant(Cloud.COMMERCIAL, Set.of(), Map.of(Protocol.IMAP, LocalDate.parse("2022-10-03")), Optional.of(OCTOBER_1)),
            "gcc", tenant(Cloud.GCC, Set.of(), Map.of(), Optional.empty()),
            "gcc-disabled", tenant(Cloud.GCC, Set.of(), Map.of(), Optional.of(OCTOBER_1)));

    private static final List<String> DATES = List.of("2022-08-31", "2022-09-01", "2022-09-30", "2022-10-01", "2022-12-31", "2023-01-01", "2023-01-08");

    static Stream<Arguments> imapTable()
    {
        return Stream.of(
                // situation, as-of date, state, deadline, actions
                row("commercial", "2022-08-31", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("commercial", "2022-09-01", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("commercial", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("commercial", "2022-10-01", SCHEDULED, "2022-10-08", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("commercial", "2022-12-31", SCHEDULED, "2023-01-01", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("commercial", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("commercial", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),

                row("opted-out", "2022-08-31", OPTED_OUT, "2022-09-30", OPT_OUT_BY_2022_09_30, MIGRATE_TO_MODERN_AUTH),
                row("opted-out", "2022-09-01", OPTED_OUT, "2022-12-31", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("opted-out", "2022-09-30", OPTED_OUT, "2022-12-31", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("opted-out", "2022-10-01", OPTED_OUT, "2022-12-31", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("opted-out", "2022-12-31", OPTED_OUT, "2022-12-31", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("opted-out", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("opted-out", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),

                row("disabled", "2022-08-31", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("disabled", "2022-09-01", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("disabled", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("disabled", "2022-10-01", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, RE_ENABLE_ONCE_UNTIL_YEAR_END),
                row("disabled", "2022-12-31", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, RE_ENABLE_ONCE_UNTIL_YEAR_END),
                row("disabled", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("disabled", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),

                row("re-enabled", "2022-08-31", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("re-enabled", "2022-09-01", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("re-enabled", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("re-enabled", "2022-10-01", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, RE_ENABLE_ONCE_UNTIL_YEAR_END),
                row("re-enabled", "2022-12-31", RE_ENABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH),
                row("re-enabled", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("re-enabled", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),

                row("gcc", "2022-08-31", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_FOLLOWING_GCC_POST, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc", "2022-09-01", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_FOLLOWING_GCC_POST, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_FOLLOWING_GCC_POST, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc", "2022-10-01", SCHEDULED, "2022-10-08", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc", "2022-12-31", SCHEDULED, "2023-01-01", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("gcc", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),

                row("gcc-disabled", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_FOLLOWING_GCC_POST, BLOCK_WITH_AUTHENTICATION_POLICY),
                row("gcc-disabled", "2022-10-01", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, OPEN_SUPPORT_TICKET),
                row("gcc-disabled", "2022-12-31", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, OPEN_SUPPORT_TICKET),
                row("gcc-disabled", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH));
    }

    @ParameterizedTest(name = "IMAP, {0}, {1} -> {2} {3} {4}")
    @MethodSource("imapTable")
    void imap(String situation, String asOf, DeprecationState state, String deadline, List<Action> actions)
    {
        assertThat(POLICY.status(SITUATIONS.get(situation), Protocol.IMAP, LocalDate.parse(asOf)))
                .isEqualTo(new ProtocolStatus(state, deadline(deadline), actions));
    }

    static Stream<Arguments> remotePowerShellTable()
    {
        // Same rules as the other seven protocols, plus the advice to move scripts to certificate authentication.
        return Stream.of(
                row("commercial", "2022-09-30", SCHEDULED, "2022-09-30", MIGRATE_TO_MODERN_AUTH, OPT_OUT_BY_2022_09_30, BLOCK_WITH_AUTHENTICATION_POLICY, MOVE_TO_CERTIFICATE_AUTH),
                row("opted-out", "2022-10-01", OPTED_OUT, "2022-12-31", MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY, MOVE_TO_CERTIFICATE_AUTH),
                row("disabled", "2022-10-01", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, RE_ENABLE_ONCE_UNTIL_YEAR_END, MOVE_TO_CERTIFICATE_AUTH),
                // The re-enable is for IMAP only: PowerShell stays disabled.
                row("re-enabled", "2022-12-31", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, RE_ENABLE_ONCE_UNTIL_YEAR_END, MOVE_TO_CERTIFICATE_AUTH),
                row("gcc-disabled", "2022-12-31", DISABLED, "2022-12-31", MIGRATE_TO_MODERN_AUTH, OPEN_SUPPORT_TICKET, MOVE_TO_CERTIFICATE_AUTH),
                row("gcc", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH, MOVE_TO_CERTIFICATE_AUTH));
    }

    @ParameterizedTest(name = "REMOTE_POWERSHELL, {0}, {1} -> {2} {3} {4}")
    @MethodSource("remotePowerShellTable")
    void remotePowerShell(String situation, String asOf, DeprecationState state, String deadline, List<Action> actions)
    {
        assertThat(POLICY.status(SITUATIONS.get(situation), Protocol.REMOTE_POWERSHELL, LocalDate.parse(asOf)))
                .isEqualTo(new ProtocolStatus(state, deadline(deadline), actions));
    }

    @Test
    void everyProtocolInScopeFollowsTheSameRulesAsImap()
    {
        for (Protocol protocol : List.of(Protocol.MAPI, Protocol.RPC, Protocol.OAB, Protocol.EWS, Protocol.POP, Protocol.EAS)) {
            for (Map.Entry<String, TenantSettings> situation : SITUATIONS.entrySet()) {
                // The situations' opt-outs and re-enables name IMAP: move them to the protocol under test.
                TenantSettings imapTenant = situation.getValue();
                TenantSettings tenant = tenant(
                        imapTenant.cloud(),
                        imapTenant.optedOut().isEmpty() ? Set.of() : Set.of(protocol),
                        imapTenant.reEnabled().isEmpty() ? Map.of() : Map.of(protocol, imapTenant.reEnabled().get(Protocol.IMAP)),
                        imapTenant.disabledOn());
                for (String date : DATES) {
                    assertThat(POLICY.status(tenant, protocol, LocalDate.parse(date)))
                            .as("%s, %s, %s", protocol, situation.getKey(), date)
                            .isEqualTo(POLICY.status(imapTenant, Protocol.IMAP, LocalDate.parse(date)));
                }
            }
        }
    }

    static Stream<Arguments> outsideTheDisablement()
    {
        // These do not depend on the tenant's situation: each row is checked for every situation.
        return Stream.of(
                row("any", "2022-08-31", ENABLED_UNTIL_YEAR_END, "2022-12-31", MIGRATE_TO_MODERN_AUTH),
                row("any", "2022-10-01", ENABLED_UNTIL_YEAR_END, "2022-12-31", MIGRATE_TO_MODERN_AUTH),
                row("any", "2022-12-31", ENABLED_UNTIL_YEAR_END, "2022-12-31", MIGRATE_TO_MODERN_AUTH),
                row("any", "2023-01-01", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH),
                row("any", "2023-01-08", PERMANENTLY_DISABLED, "", MIGRATE_TO_MODERN_AUTH));
    }

    @ParameterizedTest(name = "REPORTING_WEB_SERVICES, {1} -> {2} {3} {4}")
    @MethodSource("outsideTheDisablement")
    void reportingWebServices(String ignored, String asOf, DeprecationState state, String deadline, List<Action> actions)
    {
        for (TenantSettings tenant : SITUATIONS.values()) {
            assertThat(POLICY.status(tenant, Protocol.REPORTING_WEB_SERVICES, LocalDate.parse(asOf)))
                    .isEqualTo(new ProtocolStatus(state, deadline(deadline), actions));
        }
    }

    @Test
    void protocolsOutsideTheChangeAreNotAffectedOnEveryDate()
    {
        Map<Protocol, List<Action>> expected = Map.of(
                Protocol.SMTP_AUTH, List.of(NONE),
                Protocol.MODERN, List.of(NONE),
                Protocol.AUTODISCOVER, List.of(MIGRATE_TO_MODERN_AUTH),
                Protocol.OTHER_LEGACY, List.of(MIGRATE_TO_MODERN_AUTH));
        for (Map.Entry<Protocol, List<Action>> protocol : expected.entrySet()) {
            for (TenantSettings tenant : SITUATIONS.values()) {
                for (String date : DATES) {
                    assertThat(POLICY.status(tenant, protocol.getKey(), LocalDate.parse(date)))
                            .as("%s %s %s", protocol.getKey(), tenant, date)
                            .isEqualTo(new ProtocolStatus(NOT_AFFECTED, Optional.empty(), protocol.getValue()));
                }
            }
        }
    }

    @Test
    void announcedDisablementDateIsTheDeadlineAfterTheOptOutWindow()
    {
        TenantSettings tenant = tenant(Cloud.COMMERCIAL, Set.of(), Map.of(), Optional.of(LocalDate.parse("2022-11-15")));
        assertThat(POLICY.status(tenant, Protocol.POP, LocalDate.parse("2022-11-08")))
                .isEqualTo(new ProtocolStatus(SCHEDULED, deadline("2022-11-15"), List.of(MIGRATE_TO_MODERN_AUTH, BLOCK_WITH_AUTHENTICATION_POLICY)));
        assertThat(POLICY.status(tenant, Protocol.POP, LocalDate.parse("2022-09-30")).deadline()).isEqualTo(deadline("2022-09-30"));
        assertThat(POLICY.status(tenant, Protocol.POP, LocalDate.parse("2022-11-15")).state()).isEqualTo(DISABLED);
        assertThat(POLICY.status(tenant, Protocol.POP, LocalDate.parse("2022-11-14")).state()).isEqualTo(SCHEDULED);
    }

    @Test
    void optOutWinsOverTheTenantsDisablementDate()
    {
        TenantSettings tenant = tenant(Cloud.COMMERCIAL, Set.of(Protocol.EAS), Map.of(), Optional.of(OCTOBER_1));
        assertThat(POLICY.status(tenant, Protocol.EAS, LocalDate.parse("2022-11-01")).state()).isEqualTo(OPTED_OUT);
        assertThat(POLICY.status(tenant, Protocol.EWS, LocalDate.parse("2022-11-01")).state()).isEqualTo(DISABLED);
    }

    @Test
    void scopes()
    {
        assertThat(Stream.of(Protocol.values()).filter(DeprecationPolicy::disabledFromOctober))
                .containsExactly(Protocol.EAS, Protocol.EWS, Protocol.IMAP, Protocol.POP, Protocol.MAPI, Protocol.RPC, Protocol.OAB, Protocol.REMOTE_POWERSHELL);
        assertThat(DeprecationPolicy.scope(Protocol.REPORTING_WEB_SERVICES)).isEqualTo(DeprecationPolicy.Scope.ENABLED_UNTIL_YEAR_END);
    }

    @Test
    void timelineRejectsDatesOutOfOrder()
    {
        assertThatThrownBy(() -> new DeprecationPolicy.Timeline(
                LocalDate.parse("2022-09-01"), LocalDate.parse("2022-10-30"), OCTOBER_1, 7,
                LocalDate.parse("2022-12-31"), LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-07")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid timeline: dates out of order");
    }

    private static Arguments row(String situation, String asOf, DeprecationState state, String deadline, Action... actions)
    {
        return Arguments.of(situation, asOf, state, deadline, List.of(actions));
    }

    private static Optional<LocalDate> deadline(String value)
    {
        return value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
    }

    private static TenantSettings tenant(Cloud cloud, Set<Protocol> optedOut, Map<Protocol, LocalDate> reEnabled, Optional<LocalDate> disabledOn)
    {
        return new TenantSettings("t1", Optional.of("Contoso"), cloud, optedOut, reEnabled, disabledOn);
    }
}
