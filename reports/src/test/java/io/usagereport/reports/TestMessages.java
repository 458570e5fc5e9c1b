package io.usagereport.reports;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.policy.Action;
import io.usagereport.reports.policy.DeprecationState;
import io.usagereport.reports.render.UserAgentHint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMessages
{
    @Test
    void bothLanguagesHaveTheSameKeys()
            throws IOException
    {
        assertThat(load("ja").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @Test
    void everyEnumHasATextInBothLanguages()
    {
        for (ReportLocale locale : ReportLocale.values()) {
            Messages messages = Messages.of(locale);
            for (DeprecationState state : DeprecationState.values()) {
                assertThat(messages.has(state.messageKey())).as("%s %s", locale, state).isTrue();
            }
            for (Action action : Action.values()) {
                assertThat(messages.has(action.messageKey())).as("%s %s", locale, action).isTrue();
            }
            for (Protocol protocol : Protocol.values()) {
                assertThat(messages.has("protocol." + protocol.name())).as("%s %s", locale, protocol).isTrue();
                assertThat(messages.has("protocolShort." + protocol.name())).as("%s %s", locale, protocol).isTrue();
            }
            for (ReportLine line : ReportLine.values()) {
                assertThat(messages.has(line.messageKey())).as("%s %s", locale, line).isTrue();
            }
            for (UserAgentHint hint : UserAgentHint.values()) {
                assertThat(messages.has(hint.messageKey())).as("%s %s", locale, hint).isTrue();
            }
        }
    }

    @Test
    void datesNumbersAndMonths()
    {
        Messages english = Messages.of(ReportLocale.ENGLISH);
        Messages japanese = Messages.of(ReportLocale.JAPANESE);
        assertThat(english.date(LocalDate.of(2022, 10, 1))).isEqualTo("October 1, 2022");
        assertThat(japanese.date(LocalDate.of(2022, 10, 1))).isEqualTo("2022年10月1日");
        assertThat(english.month(YearMonth.of(2022, 9))).isEqualTo("September 2022");
        assertThat(japanese.month(YearMonth.of(2022, 9))).isEqualTo("2022年9月");
        assertThat(english.shortMonth(YearMonth.of(2022, 9))).isEqualTo("Sep 2022");
        assertThat(english.number(1_234_567)).isEqualTo("1,234,567");
        assertThat(japanese.number(1_234_567)).isEqualTo("1,234,567");
        assertThat(english.signedNumber(3)).isEqualTo("+3");
        assertThat(english.signedNumber(-2)).isEqualTo("\u22122");
        assertThat(english.signedNumber(0)).isEqualTo("0");
        assertThat(english.text("title", "month", "September 2022")).isEqualTo("Basic Authentication \u2013 Monthly Usage Report \u2013 September 2022");
        assertThat(japanese.text("title", "month", "2022年9月")).isEqualTo("基本認証 \u2013 月次利用状況レポート \u2013 2022年9月");
    }

    @Test
    void missingKeyOrValueIsAnError()
    {
        Messages english = Messages.of(ReportLocale.ENGLISH);
        assertThatThrownBy(() -> english.text("no.such.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing message 'no.such.key' for locale en");
        assertThatThrownBy(() -> english.text("title"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message 'title' (en) has no value for {month}");
    }

    @Test
    void localeTags()
    {
        assertThat(ReportLocale.fromTag("JA")).contains(ReportLocale.JAPANESE);
        assertThat(ReportLocale.fromTag("en")).contains(ReportLocale.ENGLISH);
        assertThat(ReportLocale.fromTag("de")).isEmpty();
    }

    private static Properties load(String tag)
            throws IOException
    {
        Properties properties = new Properties();
        try (InputStream input = TestMessages.class.getResourceAsStream("/io/usagereport/reports/messages_" + tag + ".properties")) {
            assertThat(input).as("bundle %s", tag).isNotNull();
            properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
