package io.usagereport.reports.render;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ChartFormat;
import io.usagereport.reports.ReportLocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSvgCharts
{
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final String TITLE = "Basic-authentication users by protocol, September 2022";

    @Test
    void chartIsAnSvgDocumentOfTheLayoutSizeThatScales()
            throws IOException
    {
        Element root = parse(svg(ReportLocale.ENGLISH, chart(TITLE, List.of("ActiveSync", "IMAP")))).getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("1200");
        assertThat(root.getAttribute("height")).isEqualTo("700");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 1200 700");
    }

    @Test
    void everyTextOfTheChartIsATextElement()
            throws IOException
    {
        Document svg = parse(svg(ReportLocale.ENGLISH, chart(TITLE, List.of("ActiveSync", "IMAP"))));

        assertThat(texts(svg)).containsExactlyInAnyOrder(
                TITLE, "Protocol", "Users", "Successful users", "Users attempting", "ActiveSync", "IMAP",
                // the bars' item labels and the value axis' ticks
                "12", "3", "13", "7",
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
        // no glyph outlines, no embedded font
        assertThat(glyphOutlines(svg)).isZero();
        assertThat(svg.getElementsByTagNameNS(SVG_NAMESPACE, "font").getLength()).isZero();
        assertThat(svg.getElementsByTagNameNS(SVG_NAMESPACE, "glyph").getLength()).isZero();
    }

    @Test
    void rotatedTextIsTextToo()
            throws IOException
    {
        List<String> months = new ArrayList<>();
        List<Optional<Long>> users = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(month + "月");
            users.add(Optional.of((long) month));
        }
        ChartData history = new ChartData("chart-history", ChartFormat.SVG, ChartData.Kind.LINE, "ユーザー数の推移", "月", "ユーザー数",
                List.of("IMAP"), months, List.of(users));

        Document svg = parse(svg(ReportLocale.JAPANESE, history));

        // the value axis' label is turned a quarter, the twelve months' labels slanted
        assertThat(texts(svg)).contains("ユーザー数", "1月", "12月");
        assertThat(glyphOutlines(svg)).isZero();
    }

    @Test
    void fontFamilyEndsWithAGenericFamily()
            throws IOException
    {
        String family = ChartFonts.family(ReportLocale.ENGLISH);
        Document svg = parse(svg(ReportLocale.ENGLISH, chart(TITLE, List.of("ActiveSync", "IMAP"))));

        assertThat(attributeValues(svg, "font-family")).containsExactly("'" + family + "', sans-serif");
    }

    @Test
    void japaneseTextIsWrittenAsUtf8Text()
            throws IOException
    {
        String family = ChartFonts.family(ReportLocale.JAPANESE);
        String title = "プロトコル別の基本認証ユーザー数 (2022年9月)";
        String text = svg(ReportLocale.JAPANESE, chart(title, List.of("ActiveSync", "リモート PowerShell")));
        Document svg = parse(text);

        assertThat(texts(svg)).contains(title, "リモート PowerShell");
        assertThat(text).contains(">" + title + "</text").doesNotContain("&#");
        assertThat(attributeValues(svg, "font-family")).containsExactly("'" + family + "', sans-serif");
    }

    @Test
    void markupInLabelsIsEscapedAndStaysText()
            throws IOException
    {
        String title = "Users <by> protocol & \"more\"";
        String label = "<script>alert(1)</script> & co";
        String text = svg(ReportLocale.ENGLISH, chart(title, List.of(label, "IMAP")));
        Document svg = parse(text);

        assertThat(texts(svg)).contains(title, label);
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg.getElementsByTagNameNS(SVG_NAMESPACE, "script").getLength()).isZero();
        assertThat(text).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script");
    }

    @Test
    void sameDataGivesTheSameBytes()
            throws Exception
    {
        ChartData data = chart(TITLE, List.of("ActiveSync", "IMAP"));
        String first = svg(ReportLocale.ENGLISH, data);

        assertThat(svg(ReportLocale.ENGLISH, data)).isEqualTo(first);
        assertThat(first).doesNotContain("<!--");
        // the report writer draws tenants in parallel: concurrent charts must not disturb each other's numbers
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> concurrent = new ArrayList<>();
            for (int chart = 0; chart < 16; chart++) {
                concurrent.add(executor.submit(() -> svg(ReportLocale.ENGLISH, data)));
            }
            for (Future<String> chart : concurrent) {
                assertThat(chart.get()).isEqualTo(first);
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void writesTheFileInUtf8(@TempDir Path folder)
            throws IOException
    {
        ChartData data = chart("プロトコル別の基本認証ユーザー数 (2022年9月)", List.of("ActiveSync", "IMAP"));
        Path file = folder.resolve(data.fileName());

        new ChartRenderer(ChartFonts.family(ReportLocale.JAPANESE)).write(data, file);

        assertThat(file.getFileName().toString()).isEqualTo("chart.svg");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(svg(ReportLocale.JAPANESE, data));
    }

    @Test
    void aFolderThatIsMissingIsAStorageFailure(@TempDir Path folder)
    {
        Path file = folder.resolve("missing/chart.svg");
        ChartRenderer renderer = new ChartRenderer(ChartFonts.family(ReportLocale.ENGLISH));

        assertThatThrownBy(() -> renderer.write(chart(TITLE, List.of("ActiveSync")), file))
                .isInstanceOfSatisfying(UsageReportException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE))
                .hasMessage("Cannot write chart " + file + ": " + file + ": no such file or folder");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskWhileStreamingIsAStorageFailure()
    {
        // /dev/full fails every write with ENOSPC; the chart is larger than the writer's buffer, so the failure comes
        // from inside Batik's streaming, which wraps it
        Path file = Path.of("/dev/full");
        ChartRenderer renderer = new ChartRenderer(ChartFonts.family(ReportLocale.ENGLISH));

        assertThatThrownBy(() -> renderer.write(chart(TITLE, List.of("ActiveSync", "IMAP")), file))
                .isInstanceOfSatisfying(UsageReportException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE))
                .hasMessage("Cannot write chart /dev/full: No space left on device (the disk is full)");
    }

    private static String svg(ReportLocale locale, ChartData data)
            throws IOException
    {
        StringWriter writer = new StringWriter();
        new ChartRenderer(ChartFonts.family(locale)).svg(data, writer);
        return writer.toString();
    }

    private static ChartData chart(String title, List<String> categories)
    {
        List<Optional<Long>> users = new ArrayList<>();
        List<Optional<Long>> attempting = new ArrayList<>();
        for (int category = 0; category < categories.size(); category++) {
            users.add(Optional.of(category == 0 ? 12L : 3L));
            attempting.add(Optional.of(category == 0 ? 13L : 7L));
        }
        return new ChartData(
                "chart",
                ChartFormat.SVG,
                ChartData.Kind.BAR,
                title,
                "Protocol",
                "Users",
                List.of("Successful users", "Users attempting"),
                categories,
                List.of(users, attempting));
    }

    /** Parses as namespace-aware XML, without fetching the SVG 1.0 DTD the document names. */
    private static Document parse(String svg)
    {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        }
        catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(Document svg)
    {
        List<String> texts = new ArrayList<>();
        NodeList elements = svg.getElementsByTagNameNS(SVG_NAMESPACE, "text");
        for (int index = 0; index < elements.getLength(); index++) {
            texts.add(elements.item(index).getTextContent());
        }
        return texts;
    }

    /** Paths with curves: glyphs drawn as outlines (the charts' own shapes are lines, rectangles and ellipses). */
    private static int glyphOutlines(Document svg)
    {
        int outlines = 0;
        NodeList paths = svg.getElementsByTagNameNS(SVG_NAMESPACE, "path");
        for (int index = 0; index < paths.getLength(); index++) {
            if (((Element) paths.item(index)).getAttribute("d").matches(".*[QC].*")) {
                outlines++;
            }
        }
        return outlines;
    }

    /** The distinct values of an attribute over every element. */
    private static List<String> attributeValues(Document svg, String attribute)
    {
        TreeSet<String> values = new TreeSet<>();
        NodeList elements = svg.getElementsByTagNameNS(SVG_NAMESPACE, "*");
        for (int index = 0; index < elements.getLength(); index++) {
            Element element = (Element) elements.item(index);
            if (element.hasAttribute(attribute)) {
                values.add(element.getAttribute(attribute));
            }
        }
        return List.copyOf(values);
    }
}
