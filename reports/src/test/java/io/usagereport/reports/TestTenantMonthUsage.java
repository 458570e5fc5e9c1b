package io.usagereport.reports;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.policy.DeprecationPolicy;
import io.usagereport.reports.policy.TenantSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTenantMonthUsage
{
    private static final YearMonth MONTH = YearMonth.of(2022, 9);

    @Test
    void outlookWindowsLineMustLieBetweenTheLargestAndTheSumOfItsProtocols()
    {
        TenantMonthUsage.Builder builder = TenantMonthUsage.builder("t1", MONTH)
                .protocol(new ProtocolUsage(Protocol.MAPI, 10, 10, 0, 4, 4, 0, 0))
                .protocol(new ProtocolUsage(Protocol.OAB, 5, 5, 0, 3, 3, 0, 0));
        assertThat(builder.reportLineUsers(ReportLine.OUTLOOK_WINDOWS, 4).build().reportLineUsers().get(ReportLine.OUTLOOK_WINDOWS)).isEqualTo(4);
        assertThat(builder.reportLineUsers(ReportLine.OUTLOOK_WINDOWS, 7).build().reportLineUsers().get(ReportLine.OUTLOOK_WINDOWS)).isEqualTo(7);
        assertThatThrownBy(() -> builder.reportLineUsers(ReportLine.OUTLOOK_WINDOWS, 8).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid usage of tenant t1 for 2022-09: report line OUTLOOK_WINDOWS has 8 users; expected between 4 and 7 (its protocols' users)");
        assertThatThrownBy(() -> builder.reportLineUsers(ReportLine.OUTLOOK_WINDOWS, 3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected between 4 and 7");
    }

    @Test
    void missingReportLineMeansZero()
    {
        TenantMonthUsage usage = TenantMonthUsage.builder("t1", MONTH).build();
        assertThat(usage.reportLineUsers()).hasSize(6).containsValues(0L);
        assertThat(usage.basicAuthInUse()).isFalse();
    }

    @Test
    void countsMustAddUp()
    {
        assertThatThrownBy(() -> new ProtocolUsage(Protocol.IMAP, 10, 6, 3, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid protocol usage for IMAP: successfulRequests 6 + failedRequests 3 != requests 10");
        assertThatThrownBy(() -> new ProtocolUsage(Protocol.IMAP, 10, 10, 0, 3, 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid protocol usage for IMAP: users 3 > usersAttempting 2");
        assertThatThrownBy(() -> new ProtocolUsage(Protocol.MODERN, 1, 1, 0, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid protocol usage: MODERN is not Basic authentication");
        assertThatThrownBy(() -> new DataQuality(10, 6, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid data quality: rejected 6 + duplicates 5 > rowsRead 10");
    }

    @Test
    void rejectsHistoryOfTheReportMonthAndDaysOutsideIt()
    {
        assertThatThrownBy(() -> TenantMonthUsage.builder("t1", MONTH).history(new MonthlyUsers(MONTH, Protocol.EAS, 1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid usage of tenant t1 for 2022-09: history month 2022-09 is not before the report month");
        assertThatThrownBy(() -> TenantMonthUsage.builder("t1", MONTH).dataQuality(new DataQuality(1, 0, 0, List.of(LocalDate.of(2022, 10, 1)))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid usage of tenant t1 for 2022-09: day without data 2022-10-01 is outside the month");
        assertThatThrownBy(() -> TenantMonthUsage.builder("../etc", MONTH).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tenant id: '../etc'; expected letters, digits, '.', '_' or '-'");
    }

    @Test
    void monthOverMonthTellsZeroFromNoData()
    {
        TenantMonthUsage usage = TenantMonthUsage.builder("t1", MONTH)
                .protocol(new ProtocolUsage(Protocol.EAS, 10, 10, 0, 2, 2, 1, 0))
                .reportLineUsers(ReportLine.EXCHANGE_ACTIVESYNC, 2)
                .history(new MonthlyUsers(YearMonth.of(2022, 8), Protocol.IMAP, 3, 30))
                .history(new MonthlyUsers(YearMonth.of(2022, 6), Protocol.EAS, 5, 50))
                .build();
        TenantReport report = TenantReport.of(usage, TenantSettings.defaults("t1"), LocalDate.of(2022, 10, 1), DeprecationPolicy.exchangeOnline());
        assertThat(report.monthOverMonth()).containsExactly(
                new TenantReport.MonthOverMonth(Protocol.EAS, 2, Optional.of(0L), 10, Optional.of(0L), Optional.of(1L), Optional.of(0L)),
                new TenantReport.MonthOverMonth(Protocol.IMAP, 0, Optional.of(3L), 0, Optional.of(30L), Optional.of(0L), Optional.of(3L)));
        assertThat(report.historyMonths()).containsExactly(YearMonth.of(2022, 6), YearMonth.of(2022, 7), YearMonth.of(2022, 8), MONTH);
        // July has no data at all: empty, not zero.
        assertThat(report.usersByMonth().get(Protocol.EAS)).containsExactly(Optional.of(5L), Optional.empty(), Optional.of(0L), Optional.of(2L));
        assertThat(report.severity()).isEqualTo(TenantReport.Severity.HIGH);
        assertThat(report.nextDeadline()).contains(LocalDate.of(2022, 10, 8));
    }

    @Test
    void withoutThePreviousMonthNoUserIsCalledNewOrStopped()
    {
        // the trend mart compares with whatever the lake holds of the month before, e.g. a few rows of its last day
        // from this month's exports: without that month's own figures, who is new is unknown
        TenantMonthUsage usage = TenantMonthUsage.builder("t1", MONTH)
                .protocol(new ProtocolUsage(Protocol.IMAP, 39, 39, 0, 5, 5, 5, 0))
                .protocol(new ProtocolUsage(Protocol.POP, 13, 13, 0, 1, 1, 0, 1))
                .reportLineUsers(ReportLine.IMAP, 5)
                .reportLineUsers(ReportLine.POP, 1)
                .history(new MonthlyUsers(YearMonth.of(2022, 7), Protocol.IMAP, 4, 30))
                .build();
        TenantReport report = TenantReport.of(usage, TenantSettings.defaults("t1"), LocalDate.of(2022, 10, 1), DeprecationPolicy.exchangeOnline());
        assertThat(report.monthOverMonth()).containsExactly(
                new TenantReport.MonthOverMonth(Protocol.IMAP, 5, Optional.empty(), 39, Optional.empty(), Optional.empty(), Optional.empty()),
                new TenantReport.MonthOverMonth(Protocol.POP, 1, Optional.empty(), 13, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(report.monthOverMonth().get(0).usersChange()).isEmpty();
    }

    @Test
    void onlyProtocolsOutsideTheChangeGiveANormalPost()
    {
        TenantMonthUsage usage = TenantMonthUsage.builder("t1", MONTH)
                .protocol(new ProtocolUsage(Protocol.SMTP_AUTH, 10, 10, 0, 2, 2, 0, 0))
                .build();
        TenantReport report = TenantReport.of(usage, TenantSettings.defaults("t1"), LocalDate.of(2022, 10, 1), DeprecationPolicy.exchangeOnline());
        assertThat(report.severity()).isEqualTo(TenantReport.Severity.NORMAL);
        assertThat(report.affected()).isFalse();
        assertThat(report.nextDeadline()).isEmpty();
    }
}
