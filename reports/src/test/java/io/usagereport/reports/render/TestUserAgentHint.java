package io.usagereport.reports.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestUserAgentHint
{
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Apple-iPhone14C5/2001.21 | IOS_MAIL",
            "iOS/15.6 (19G71) dataaccessd/1.0 | IOS_MAIL",
            "Apple-iPad8C1/1905.258 | IOS_MAIL",
            "Android-Mail/2022.08.21.470386373.Release | ANDROID_MAIL",
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5278; Pro) | OLD_OUTLOOK",
            "Microsoft Office/14.0 (Windows NT 6.1; Microsoft Outlook 14.0.7268; Pro) | OLD_OUTLOOK",
            "Outlook-Express/7.0 | OLD_OUTLOOK",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.2.2 | THUNDERBIRD",
            "RICOH IM C3000 | PRINTER",
            "Canon iR-ADV C5535 | PRINTER",
            "Xerox WorkCentre 7845 | PRINTER",
            "KONICA MINOLTA bizhub C300i | PRINTER",
            "SHARP MX-3071 | PRINTER",
            "Brother MFC-L2710DW | PRINTER",
            "HP LaserJet MFP M428fdw | PRINTER",
            "python-requests/2.28.1 | SCRIPT",
            "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1682 | SCRIPT",
            "curl/7.84.0 | SCRIPT",
            "BAV2ROPC | ROPC",
            "Mac OS X/12.5 (21G72); ExchangeWebServices/12.0 (297) | UNKNOWN",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) | UNKNOWN",
            "<script>alert(1)</script> | UNKNOWN"})
    void hints(String userAgent, UserAgentHint expected)
    {
        assertThat(UserAgentHint.of(Optional.of(userAgent))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void missingUserAgentIsUnknown()
    {
        assertThat(UserAgentHint.of(Optional.empty())).isEqualTo(UserAgentHint.UNKNOWN);
    }
}
