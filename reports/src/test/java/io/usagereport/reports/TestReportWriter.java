package io.usagereport.reports;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.usagereport.reports.TestingUsages.CONTOSO;
import static io.usagereport.reports.TestingUsages.FABRIKAM;
import static io.usagereport.reports.TestingUsages.MONTH;
import static io.usagereport.reports.TestingUsages.NORTHWIND;
import static io.usagereport.reports.TestingUsages.SCRIPT_USER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestReportWriter
{
    /** Run with {@code -Dreports.updateGolden=true} to rewrite the golden files after a deliberate change. */
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("reports.updateGolden");

    @TempDir
    static Path output;

    private static Path english;
    private static Path japanese;

    @BeforeAll
    static void writeBothLanguages()
    {
        english = write(ReportLocale.ENGLISH, "en");
        japanese = write(ReportLocale.JAPANESE, "ja");
    }

    private static Path write(ReportLocale locale, String folder)
    {
        ReportResult result = ReportWriter.builder(output.resolve(folder))
                .tenants(TestingUsages.tenants())
                .locale(locale)
                .build()
                .write(MONTH, TestingUsages.usages());
        assertThat(result).isEqualTo(new ReportResult(
                output.resolve(folder).resolve("2022-09"), output.resolve(folder).resolve("2022-09/index.html"), 3, 2, 2));
        return result.monthDirectory();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "en, " + CONTOSO + ", usage.json",
            "en, " + CONTOSO + ", message.json",
            "ja, " + CONTOSO + ", usage.json",
            "ja, " + CONTOSO + ", message.json",
            "en, " + FABRIKAM + ", message.json",
            "ja, " + FABRIKAM + ", usage.json",
            "ja, " + NORTHWIND + ", usage.json"})
    void matchesGoldenFile(String locale, String tenant, String file)
            throws IOException
    {
        Path written = (locale.equals("en") ? english : japanese).resolve(tenant).resolve(file);
        Path golden = Path.of("src/test/resources/golden-2022-09-" + locale).resolve(tenant).resolve(file);
        String actual = Files.readString(written, StandardCharsets.UTF_8);
        if (UPDATE_GOLDEN) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryFileOfTheContract()
            throws IOException
    {
        try (Stream<Path> files = Files.walk(english)) {
            assertThat(files.filter(Files::isRegularFile).map(path -> english.relativize(path).toString()).sorted())
                    .containsExactly(
                            CONTOSO + "/chart-history.svg", CONTOSO + "/chart-protocols.svg", CONTOSO + "/chart-requests.svg",
                            CONTOSO + "/message.json", CONTOSO + "/report.html", CONTOSO + "/usage.json",
                            NORTHWIND + "/chart-history.svg", NORTHWIND + "/chart-protocols.svg", NORTHWIND + "/chart-requests.svg",
                            NORTHWIND + "/message.json", NORTHWIND + "/report.html", NORTHWIND + "/usage.json",
                            FABRIKAM + "/message.json", FABRIKAM + "/report.html", FABRIKAM + "/usage.json",
                            "index.html");
        }
        try (Stream<Path> leftovers = Files.list(output.resolve("en"))) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).containsExactly("2022-09");
        }
    }

    @Test
    void chartsAreSvgByDefaultAndTheReportShowsThem()
            throws IOException
    {
        Document page = parse(english.resolve(CONTOSO).resolve("report.html"));
        assertThat(page.select("figure.chart img").eachAttr("src"))
                .containsExactly("chart-protocols.svg", "chart-requests.svg", "chart-history.svg");
        assertThat(page.select("figure.chart img").eachAttr("width")).containsExactly("1200", "1200", "1200");
        assertThat(page.select("figure.chart img").eachAttr("height")).containsExactly("700", "700", "700");
        for (String chart : page.select("figure.chart img").eachAttr("src")) {
            String svg = Files.readString(english.resolve(CONTOSO).resolve(chart), StandardCharsets.UTF_8);
            assertThat(svg).as(chart).startsWith("<?xml version=\"1.0\"?>").contains("viewBox=\"0 0 1200 700\"").endsWith("</svg\n>\n");
        }
        String protocols = Files.readString(japanese.resolve(CONTOSO).resolve("chart-protocols.svg"), StandardCharsets.UTF_8);
        assertThat(protocols).contains(">プロトコル別の基本認証ユーザー数 (2022年9月)</text");
    }

    @Test
    void chartsArePngOnRequest(@TempDir Path folder)
            throws IOException
    {
        Path month = ReportWriter.builder(folder)
                .tenants(TestingUsages.tenants())
                .charts(ChartFormat.PNG)
                .build()
                .write(MONTH, List.of(TestingUsages.contoso(), TestingUsages.fabrikam()))
                .monthDirectory();

        try (Stream<Path> files = Files.walk(month)) {
            assertThat(files.filter(Files::isRegularFile).map(path -> month.relativize(path).toString()).sorted())
                    .containsExactly(
                            CONTOSO + "/chart-history.png", CONTOSO + "/chart-protocols.png", CONTOSO + "/chart-requests.png",
                            CONTOSO + "/message.json", CONTOSO + "/report.html", CONTOSO + "/usage.json",
                            FABRIKAM + "/message.json", FABRIKAM + "/report.html", FABRIKAM + "/usage.json",
                            "index.html");
        }
        Document page = parse(month.resolve(CONTOSO).resolve("report.html"));
        assertThat(page.select("figure.chart img").eachAttr("src"))
                .containsExactly("chart-protocols.png", "chart-requests.png", "chart-history.png");
        assertThat(page.select("table.chart-data").eachAttr("data-chart"))
                .containsExactly("chart-protocols.png", "chart-requests.png", "chart-history.png");
        BufferedImage image = ImageIO.read(month.resolve(CONTOSO).resolve("chart-protocols.png").toFile());
        assertThat(image.getWidth()).isEqualTo(2400);
        assertThat(image.getHeight()).isEqualTo(1400);
    }

    @Test
    void reportShowsEveryFigure()
            throws IOException
    {
        Document page = parse(english.resolve(CONTOSO).resolve("report.html"));
        assertThat(page.title()).isEqualTo("Basic Authentication \u2013 Monthly Usage Report \u2013 September 2022");
        assertThat(page.select("ul.report-lines li").eachText()).containsExactly(
                "Exchange ActiveSync: 12", "POP: 1", "IMAP: 3", "Outlook Windows: 5",
                "Outlook for Mac/Exchange Web Services: 0", "Exchange Remote PowerShell: 1");
        assertThat(rowTexts(page, "table.protocols tr[data-protocol=EAS] td")).startsWith(
                "Exchange ActiveSync", "1,520", "12", "13", "1,500", "20", "Will be switched off", "October 8, 2022");
        assertThat(rowTexts(page, "table.protocols tr[data-protocol=POP] td")).startsWith(
                "POP3", "45", "1", "1", "45", "0", "Opted out", "December 31, 2022");
        assertThat(rowTexts(page, "table.protocols tr[data-protocol=SMTP_AUTH] td")).startsWith(
                "SMTP AUTH", "900", "2", "2", "880", "20", "Not affected", "\u2014");
        assertThat(page.select("table.protocols tbody tr")).hasSize(8);
        assertThat(rowTexts(page, "table.trend tr[data-protocol=EAS] td")).containsExactly(
                "Exchange ActiveSync", "11", "12", "+1", "1,490", "1,520", "2", "1");
        assertThat(rowTexts(page, "table.trend tr[data-protocol=EWS] td")).containsExactly(
                "Exchange Web Services", "1", "0", "\u22121", "10", "0", "0", "1");
        assertThat(page.select("table.data-quality td").eachText()).containsExactly("25,000", "12", "340", "24,648", "2");
        assertThat(page.text()).contains("Days without data: September 3, 2022, September 4, 2022");

        // Each chart is present with a table of the same numbers.
        assertThat(page.select("figure.chart img").eachAttr("src"))
                .containsExactly("chart-protocols.svg", "chart-requests.svg", "chart-history.svg");
        assertThat(rowTexts(page, "table.chart-data[data-chart=chart-protocols.svg] tbody tr:eq(0) > *"))
                .containsExactly("ActiveSync", "12", "13");
        assertThat(rowTexts(page, "table.chart-data[data-chart=chart-requests.svg] tbody tr:eq(1) > *"))
                .containsExactly("IMAP", "120", "180");
        assertThat(page.select("table.chart-data[data-chart=chart-history.svg] thead th").eachText())
                .containsExactly("Month", "ActiveSync", "EWS", "IMAP", "POP", "MAPI", "RPC", "OAB", "Remote PowerShell", "SMTP AUTH");
        assertThat(rowTexts(page, "table.chart-data[data-chart=chart-history.svg] tbody tr:eq(0) > *"))
                .containsExactly("Jul 2022", "14", "0", "0", "0", "6", "0", "0", "0", "0");

        Element topImap = page.selectFirst("table.top-users[data-protocol=IMAP] tbody tr");
        assertThat(topImap).isNotNull();
        assertThat(topImap.select("td").stream().map(Element::text)).containsExactly("scanner@contoso.com", "", "200", "20", "180", "1",
                SCRIPT_USER_AGENT, "Unknown client: look this user up in the sign-in logs (IP address, app).");
        assertThat(rowTexts(page, "table.top-users[data-protocol=EAS] tbody tr:eq(0) td")).endsWith(
                "Mail on iPhone or iPad: remove the account and add it again so that it signs in with Modern authentication.");
    }

    @Test
    void logTextStaysText()
            throws IOException
    {
        for (Path root : List.of(english, japanese)) {
            String html = Files.readString(root.resolve(CONTOSO).resolve("report.html"), StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html);
            assertThat(page.select("script")).isEmpty();
            assertThat(page.select("td.user-agent code").eachText()).contains(SCRIPT_USER_AGENT);
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT_USER_AGENT);
            assertThat(page.text()).contains("Contoso <Ltd> & Co");
            String body = Files.readString(root.resolve(CONTOSO).resolve("message.json"), StandardCharsets.UTF_8);
            assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT_USER_AGENT);
        }
    }

    @Test
    void noTenantSeesAnotherTenantsNames()
            throws IOException
    {
        List<String> contosoNames = List.of("contoso.com", "Alice Smith", "Contoso", CONTOSO);
        List<String> northwindNames = List.of("northwind.example", "佐藤", "ノースウィンド", NORTHWIND);
        for (Path root : List.of(english, japanese)) {
            // every file of each tenant's folder, charts included (read as UTF-8: a name would show as its bytes)
            Map<String, String> northwind = filesUnder(root.resolve(NORTHWIND));
            Map<String, String> contoso = filesUnder(root.resolve(CONTOSO));
            Map<String, String> fabrikam = filesUnder(root.resolve(FABRIKAM));
            assertThat(contoso.keySet()).contains("report.html", "message.json", "usage.json", "chart-protocols.svg");
            assertThat(fabrikam.keySet()).contains("report.html", "message.json", "usage.json");
            for (String name : contosoNames) {
                northwind.forEach((file, text) -> assertThat(text).as("%s %s", file, name).doesNotContain(name));
                fabrikam.forEach((file, text) -> assertThat(text).as("%s %s", file, name).doesNotContain(name));
            }
            for (String name : northwindNames) {
                contoso.forEach((file, text) -> assertThat(text).as("%s %s", file, name).doesNotContain(name));
                fabrikam.forEach((file, text) -> assertThat(text).as("%s %s", file, name).doesNotContain(name));
            }
        }
    }

    private static Map<String, String> filesUnder(Path folder)
            throws IOException
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void tenantWithoutBasicAuthGetsAShortPost()
            throws IOException
    {
        Document page = parse(english.resolve(FABRIKAM).resolve("report.html"));
        assertThat(page.select("article p").first().text()).isEqualTo("We found no Basic-authentication sign-in to Exchange Online for "
                + FABRIKAM + " in September 2022. On this data, the retirement of Basic authentication does not affect your organization, "
                + "and there is nothing to do.");
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("article h2").eachText()).containsExactly("Data quality");
    }

    @Test
    void japaneseReportIsLocalized()
            throws IOException
    {
        Document page = parse(japanese.resolve(CONTOSO).resolve("report.html"));
        assertThat(page.title()).isEqualTo("基本認証 \u2013 月次利用状況レポート \u2013 2022年9月");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(rowTexts(page, "table.protocols tr[data-protocol=EAS] td")).startsWith(
                "Exchange ActiveSync", "1,520", "12", "13", "1,500", "20", "無効化予定", "2022年10月8日");
        assertThat(page.text()).contains("データのない日: 2022年9月3日、2022年9月4日");
    }

    @Test
    void gccTenantIsToldToFollowItsOwnPost(@TempDir Path folder)
            throws IOException
    {
        // In September the opt-out is still open: a GCC tenant opts out by its own post's instructions, not the diagnostic.
        Path month = ReportWriter.builder(folder)
                .tenants(TestingUsages.tenants())
                .locale(ReportLocale.JAPANESE)
                .asOf(LocalDate.parse("2022-09-15"))
                .build()
                .write(MONTH, List.of(TestingUsages.northwind()))
                .monthDirectory();
        Document gcc = parse(month.resolve(NORTHWIND).resolve("report.html"));
        assertThat(gcc.text()).contains("Government Community Cloud (GCC)");
        assertThat(rowTexts(gcc, "table.protocols tr[data-protocol=EWS] td")).containsExactly(
                "Exchange Web Services", "90", "2", "2", "88", "2", "無効化予定", "2022年9月30日",
                "これらのアプリを先進認証 (OAuth 2.0) に移行してください。更新や設定変更、または別のアプリへの置き換えが必要です。"
                        + " 猶予が必要な場合は、2022年9月30日までに、組織あてのメッセージ センターの投稿に記載された手順でこのプロトコルをオプトアウトしてください。"
                        + " Microsoft による無効化を待たず、認証ポリシーで今すぐこのプロトコルの基本認証を無効にしてください。");
        assertThat(gcc.text()).doesNotContain("aka.ms/PillarEXOBasicAuth");
    }

    @Test
    void indexListsEveryPost()
            throws IOException
    {
        Document index = parse(english.resolve("index.html"));
        assertThat(index.select("table.index tbody tr").eachAttr("data-tenant")).containsExactly(CONTOSO, NORTHWIND, FABRIKAM);
        assertThat(index.select("table.index tbody tr:eq(0) td").eachText()).containsExactly(
                "Basic Authentication \u2013 Monthly Usage Report \u2013 September 2022", "Contoso <Ltd> & Co", "High",
                "October 8, 2022", "October 1, 2022", "MC" + index.select("table.index tbody tr:eq(0) td").last().text().substring(2));
        assertThat(index.select("table.index a").eachAttr("href")).containsExactly(
                CONTOSO + "/report.html", NORTHWIND + "/report.html", FABRIKAM + "/report.html");
        assertThat(index.select("table.index tbody tr:eq(2) td").eachText().subList(1, 4)).containsExactly(FABRIKAM, "Normal", "\u2014");
    }

    @Test
    void rewritingAMonthReplacesItWhole(@TempDir Path folder)
            throws IOException
    {
        ReportWriter writer = ReportWriter.builder(folder).asOf(LocalDate.parse("2022-10-05")).build();
        writer.write(MONTH, List.of(TestingUsages.fabrikam(), TenantMonthUsage.builder("other-tenant", MONTH).build()));
        assertThat(folder.resolve("2022-09/other-tenant/message.json")).exists();
        Files.writeString(folder.resolve("2022-09/stale.txt"), "from an earlier run");
        ReportResult result = writer.write(MONTH, List.of(TestingUsages.fabrikam()));
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted())
                    .containsExactly("2022-09/" + FABRIKAM + "/message.json", "2022-09/" + FABRIKAM + "/report.html",
                            "2022-09/" + FABRIKAM + "/usage.json", "2022-09/index.html");
        }
        assertThat(result.tenants()).isEqualTo(1);
        assertThat(Files.readString(folder.resolve("2022-09/" + FABRIKAM + "/message.json"))).contains("\"startDateTime\" : \"2022-10-05T00:00:00Z\"");
    }

    @Test
    void aWriteKilledWhileStagingIsCleanedUpByTheNextWrite(@TempDir Path folder)
            throws IOException
    {
        ReportWriter writer = ReportWriter.builder(folder).asOf(LocalDate.parse("2022-10-05")).build();
        writer.write(MONTH, List.of(TestingUsages.fabrikam()));
        // a kill -9 while writing: a half-written staging folder of this month, and one of another month
        Files.createDirectories(folder.resolve(".2022-09.staging-1234567/" + FABRIKAM));
        Files.writeString(folder.resolve(".2022-09.staging-1234567/" + FABRIKAM + "/message.json"), "{\"id\"");
        Files.createDirectories(folder.resolve(".2022-10.staging-7654321"));

        writer.write(MONTH, List.of(TestingUsages.fabrikam()));

        try (Stream<Path> children = Files.list(folder)) {
            assertThat(children.map(path -> path.getFileName().toString()).sorted()).containsExactly(".2022-10.staging-7654321", "2022-09");
        }
    }

    @Test
    void aWriteKilledBetweenItsTwoRenamesIsRepairedByTheNextWrite(@TempDir Path folder)
            throws IOException
    {
        ReportWriter writer = ReportWriter.builder(folder).asOf(LocalDate.parse("2022-10-05")).build();
        writer.write(MONTH, List.of(TestingUsages.fabrikam()));
        String message = Files.readString(folder.resolve("2022-09/" + FABRIKAM + "/message.json"));
        // a kill -9 after the old month was set aside and before the new one was moved in
        Files.move(folder.resolve("2022-09"), folder.resolve(".2022-09.previous-1234567"));
        Files.createDirectories(folder.resolve(".2022-09.staging-1234567/" + FABRIKAM));

        writer.write(MONTH, List.of(TestingUsages.fabrikam(), TenantMonthUsage.builder("other-tenant", MONTH).build()));

        try (Stream<Path> children = Files.list(folder)) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactly("2022-09");
        }
        assertThat(folder.resolve("2022-09/other-tenant/message.json")).exists();
        assertThat(Files.readString(folder.resolve("2022-09/" + FABRIKAM + "/message.json"))).isEqualTo(message);
    }

    @Test
    void rejectsUsageOfAnotherMonthAndDuplicateTenants(@TempDir Path folder)
    {
        ReportWriter writer = ReportWriter.builder(folder).build();
        assertThatThrownBy(() -> writer.write(MONTH.plusMonths(1), List.of(TestingUsages.fabrikam())))
                .isInstanceOfSatisfying(UsageReportException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Invalid usage of tenant " + FABRIKAM + ": month 2022-09 given for the report of 2022-10");
        assertThatThrownBy(() -> writer.write(MONTH, List.of(TestingUsages.fabrikam(), TestingUsages.fabrikam())))
                .isInstanceOf(UsageReportException.class)
                .hasMessage("Invalid usages for 2022-09: tenant " + FABRIKAM + " given twice");
        assertThat(folder).isEmptyDirectory();
    }

    private static Document parse(Path file)
            throws IOException
    {
        return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
    }

    /** The texts of the matched elements, empty ones included (jsoup's eachText skips them). */
    private static List<String> rowTexts(Document page, String selector)
    {
        return page.select(selector).stream().map(Element::text).toList();
    }
}
