package io.usagereport.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestClientApps
{
    @ParameterizedTest(name = "''{0}'' is {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Browser                           | MODERN                 | KNOWN
            Mobile Apps and Desktop clients   | MODERN                 | KNOWN
            Exchange ActiveSync               | EAS                    | KNOWN
            IMAP4                             | IMAP                   | KNOWN
            POP3                              | POP                    | KNOWN
            MAPI Over HTTP                    | MAPI                   | KNOWN
            mapi over http                    | MAPI                   | KNOWN
            '  MAPI   over  HTTP '            | MAPI                   | KNOWN
            Outlook Anywhere (RPC over HTTP)  | RPC                    | KNOWN
            Offline Address Book              | OAB                    | KNOWN
            Exchange Web Services             | EWS                    | KNOWN
            Exchange Online PowerShell        | REMOTE_POWERSHELL      | KNOWN
            Authenticated SMTP                | SMTP_AUTH              | KNOWN
            SMTP                              | SMTP_AUTH              | KNOWN
            Reporting Web Services            | REPORTING_WEB_SERVICES | KNOWN
            AutoDiscover                      | AUTODISCOVER           | KNOWN
            Universal Outlook                 | OTHER_LEGACY           | KNOWN
            Other clients                     | OTHER_LEGACY           | KNOWN
            Exchange Legacy Client            | OTHER_LEGACY           | UNKNOWN
            Unknown                           | MODERN                 | MISSING
            ''                                | MODERN                 | MISSING
            NULL                              | MODERN                 | MISSING
            """)
    void mapsEveryExportedSpellingToItsProtocol(String clientApp, Protocol protocol, ClientApps.Kind kind)
    {
        assertThat(ClientApps.map(Optional.ofNullable(clientApp))).isEqualTo(new ClientApps.Mapping(protocol, kind));
    }
}
