package io.usagereport.reports;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.policy.Cloud;
import io.usagereport.reports.policy.TenantDirectory;
import io.usagereport.reports.policy.TenantSettings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fixed month of three tenants for the golden and HTML tests. */
final class TestingUsages
{
    static final YearMonth MONTH = YearMonth.of(2022, 9);
    static final String CONTOSO = "0b1f7c52-3c7a-4c59-9d4e-2f3a1c0d5e61";
    static final String NORTHWIND = "7d3e9a10-5b2c-4f8e-a1d6-8c4b2e9f0a37";
    static final String FABRIKAM = "c2a4e6f8-1b3d-4c5e-8f7a-9b0c1d2e3f45";
    static final String SCRIPT_USER_AGENT = "<script>alert(1)</script>";

    private TestingUsages() {}

    static TenantDirectory tenants()
    {
        return TenantDirectory.of(List.of(
                new TenantSettings(CONTOSO, Optional.of("Contoso <Ltd> & Co"), Cloud.COMMERCIAL, Set.of(Protocol.POP), Map.of(), Optional.empty()),
                new TenantSettings(NORTHWIND, Optional.of("株式会社ノースウィンド"), Cloud.GCC, Set.of(), Map.of(), Optional.empty())));
    }

    static List<TenantMonthUsage> usages()
    {
        return List.of(contoso(), northwind(), fabrikam());
    }

    static TenantMonthUsage contoso()
    {
        return TenantMonthUsage.builder(CONTOSO, MONTH)
                .protocol(new ProtocolUsage(Protocol.EAS, 1520, 1500, 20, 12, 13, 2, 1))
                .protocol(new ProtocolUsage(Protocol.IMAP, 300, 120, 180, 3, 7, 1, 0))
                .protocol(new ProtocolUsage(Protocol.POP, 45, 45, 0, 1, 1, 0, 0))
                .protocol(new ProtocolUsage(Protocol.MAPI, 800, 790, 10, 4, 4, 0, 2))
                .protocol(new ProtocolUsage(Protocol.RPC, 60, 60, 0, 2, 2, 0, 0))
                .protocol(new ProtocolUsage(Protocol.OAB, 40, 40, 0, 3, 3, 0, 0))
                .protocol(new ProtocolUsage(Protocol.REMOTE_POWERSHELL, 25, 25, 0, 1, 1, 1, 0))
                .protocol(new ProtocolUsage(Protocol.SMTP_AUTH, 900, 880, 20, 2, 2, 0, 0))
                .reportLineUsers(ReportLine.EXCHANGE_ACTIVESYNC, 12)
                .reportLineUsers(ReportLine.POP, 1)
                .reportLineUsers(ReportLine.IMAP, 3)
                .reportLineUsers(ReportLine.OUTLOOK_WINDOWS, 5)
                .reportLineUsers(ReportLine.EXCHANGE_REMOTE_POWERSHELL, 1)
                .topUser(user("alice@contoso.com", "Alice Smith", Protocol.EAS, 700, 700, 0, "Apple-iPhone14C5/2001.21", 3))
                .topUser(user("bob@contoso.com", "Bob Jones", Protocol.EAS, 500, 480, 20, "Android-Mail/2022.08.21.470386373.Release", 2))
                .topUser(user("scanner@contoso.com", "", Protocol.IMAP, 200, 20, 180, SCRIPT_USER_AGENT, 1))
                .topUser(user("printer@contoso.com", "Floor 3 printer", Protocol.POP, 45, 45, 0, "RICOH IM C3000", 1))
                .topUser(user("carol@contoso.com", "Carol 山田", Protocol.MAPI, 800, 790, 10, "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5278; Pro)", 2))
                .topUser(user("ops@contoso.com", "Ops", Protocol.REMOTE_POWERSHELL, 25, 25, 0, "python-requests/2.28.1", 1))
                .topUser(user("app@contoso.com", "", Protocol.SMTP_AUTH, 900, 880, 20, "BAV2ROPC", 4))
                .history(new MonthlyUsers(YearMonth.of(2022, 7), Protocol.EAS, 14, 1700))
                .history(new MonthlyUsers(YearMonth.of(2022, 7), Protocol.MAPI, 6, 1000))
                .history(new MonthlyUsers(YearMonth.of(2022, 8), Protocol.EAS, 11, 1490))
                .history(new MonthlyUsers(YearMonth.of(2022, 8), Protocol.IMAP, 2, 200))
                .history(new MonthlyUsers(YearMonth.of(2022, 8), Protocol.MAPI, 6, 950))
                .history(new MonthlyUsers(YearMonth.of(2022, 8), Protocol.EWS, 1, 10))
                .dataQuality(new DataQuality(25_000, 12, 340, List.of(LocalDate.of(2022, 9, 4), LocalDate.of(2022, 9, 3))))
                .signIns(24_648)
                .build();
    }

    static TenantMonthUsage northwind()
    {
        return TenantMonthUsage.builder(NORTHWIND, MONTH)
                .protocol(new ProtocolUsage(Protocol.EWS, 90, 88, 2, 2, 2, 2, 0))
                .reportLineUsers(ReportLine.OUTLOOK_FOR_MAC_EXCHANGE_WEB_SERVICES, 2)
                .topUser(user("sato@northwind.example", "佐藤 花子", Protocol.EWS, 60, 60, 0, "Mac OS X/12.5 (21G72); ExchangeWebServices/12.0 (297)", 1))
                .dataQuality(new DataQuality(5_000, 0, 0, List.of()))
                .signIns(5_000)
                .build();
    }

    static TenantMonthUsage fabrikam()
    {
        return TenantMonthUsage.builder(FABRIKAM, MONTH)
                .dataQuality(new DataQuality(1_200, 1, 0, List.of(LocalDate.of(2022, 9, 30))))
                .signIns(1_199)
                .build();
    }

    static UserUsage user(String upn, String displayName, Protocol protocol, long requests, long successful, long failed, String userAgent, long ips)
    {
        return new UserUsage(upn, Optional.of(displayName), protocol, requests, successful, failed, Optional.of(userAgent), ips);
    }
}
