package io.usagereport.reports.policy;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.UsageReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTenantSettingsReader
{
    private static final String HEADER = "tenant_id,name,cloud,opted_out,re_enabled,disabled_on\n";

    @Test
    void readsEveryField(@TempDir Path folder)
            throws Exception
    {
        Path file = folder.resolve("tenants.csv");
        Files.writeString(file, "\uFEFF" + HEADER
                + "11111111-1111-1111-1111-111111111111,\"Contoso, Ltd.\",commercial,IMAP;pop,EAS@2022-10-20;EWS@2022-10-21,2022-10-15\r\n"
                + "22222222-2222-2222-2222-222222222222,株式会社ノースウィンド,GCC,,,\r\n"
                + "\r\n"
                + "33333333-3333-3333-3333-333333333333,,,,,\r\n", StandardCharsets.UTF_8);

        TenantDirectory directory = TenantSettingsReader.read(file);

        assertThat(directory.size()).isEqualTo(3);
        assertThat(directory.settingsFor("11111111-1111-1111-1111-111111111111")).isEqualTo(new TenantSettings(
                "11111111-1111-1111-1111-111111111111",
                Optional.of("Contoso, Ltd."),
                Cloud.COMMERCIAL,
                Set.of(Protocol.IMAP, Protocol.POP),
                Map.of(Protocol.EAS, LocalDate.parse("2022-10-20"), Protocol.EWS, LocalDate.parse("2022-10-21")),
                Optional.of(LocalDate.parse("2022-10-15"))));
        assertThat(directory.settingsFor("22222222-2222-2222-2222-222222222222")).isEqualTo(new TenantSettings(
                "22222222-2222-2222-2222-222222222222", Optional.of("株式会社ノースウィンド"), Cloud.GCC, Set.of(), Map.of(), Optional.empty()));
        assertThat(directory.settingsFor("33333333-3333-3333-3333-333333333333"))
                .isEqualTo(TenantSettings.defaults("33333333-3333-3333-3333-333333333333"));
    }

    @Test
    void missingTenantIsCommercialWithNothingSet()
    {
        TenantDirectory directory = TenantSettingsReader.parse("tenants.csv", new StringReader(HEADER));
        assertThat(directory.settingsFor("abc")).isEqualTo(
                new TenantSettings("abc", Optional.empty(), Cloud.COMMERCIAL, Set.of(), Map.of(), Optional.empty()));
        assertThat(directory.find("abc")).isEmpty();
    }

    @Test
    void badFieldsNameFileRecordLineAndField()
    {
        assertInvalid("t1,A,azure,,,\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 'cloud': 'azure'; expected commercial or gcc");
        assertInvalid("t1,A,,IMAP;SMTP_AUTH,,\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 'opted_out': 'SMTP_AUTH'; expected one of EAS, EWS, IMAP, POP, MAPI, RPC, OAB, REMOTE_POWERSHELL");
        assertInvalid("t1,A,,,,\nt2,B,,,IMAP,\n",
                "Invalid tenants file tenants.csv at record 2 (line 3), field 're_enabled': 'IMAP'; expected PROTOCOL@YYYY-MM-DD, e.g. IMAP@2022-10-15");
        assertInvalid("t1,A,,,IMAP@2022-13-01,\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 're_enabled': 'IMAP@2022-13-01'; expected a date YYYY-MM-DD");
        assertInvalid("t1,A,,,IMAP@2022-09-15,\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 're_enabled': 'IMAP@2022-09-15'; expected a date from 2022-10-01 to 2022-12-31");
        assertInvalid("t1,A,,,IMAP@2022-10-10,2022-10-20\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 're_enabled': 'IMAP@2022-10-10'; expected a date not before disabled_on 2022-10-20 (only a disabled protocol can be re-enabled)");
        assertInvalid("t1,A,,,IMAP@2022-10-10;imap@2022-10-11,\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 're_enabled': 'IMAP@2022-10-10;imap@2022-10-11'; expected each protocol once (it can be re-enabled only once); IMAP appears twice");
        assertInvalid("t1,A,,,,10/15/2022\n",
                "Invalid tenants file tenants.csv at record 1 (line 2), field 'disabled_on': '10/15/2022'; expected a date YYYY-MM-DD");
        assertInvalid("\"t1\",\"multi\nline\",,,,\n../x,B,,,,\n",
                "Invalid tenants file tenants.csv at record 2 (line 4), field 'tenant_id': '../x'; expected letters, digits, '.', '_' or '-' (a GUID)");
        assertInvalid("t1,A,,,,\nt1,B,,,,\n",
                "Invalid tenants file tenants.csv at record 2 (line 3), field 'tenant_id': 't1'; expected each tenant once; this tenant id appeared before");
    }

    @Test
    void missingColumnIsNamed()
    {
        assertThatThrownBy(() -> TenantSettingsReader.parse("tenants.csv", new StringReader("tenant_id,name,cloud\nt1,A,gcc\n")))
                .isInstanceOf(UsageReportException.class)
                .hasMessage("Invalid tenants file tenants.csv at line 1: missing column(s) opted_out, re_enabled, disabled_on;"
                        + " expected the header tenant_id,name,cloud,opted_out,re_enabled,disabled_on, found: tenant_id,name,cloud");
    }

    private static void assertInvalid(String lines, String message)
    {
        assertThatThrownBy(() -> TenantSettingsReader.parse("tenants.csv", new StringReader(HEADER + lines)))
                .isInstanceOfSatisfying(UsageReportException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessage(message);
    }
}
