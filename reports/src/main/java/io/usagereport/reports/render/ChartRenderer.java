package io.usagereport.reports.render;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
import org.apache.batik.svggen.DefaultErrorHandler;
import org.apache.batik.svggen.DefaultExtensionHandler;
import org.apache.batik.svggen.DefaultStyleHandler;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGIDGenerator;
import org.apache.batik.svggen.StyleHandler;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a {@link ChartData} with JFreeChart, laid out at {@link #WIDTH}×{@link #HEIGHT} CSS pixels, in the chart's
 * format: as SVG (Batik's SVG generator), whose text stays text and which scales to any size, or as a sharp PNG,
 * painted at {@link #SCALE}× so it stays crisp on high-density screens and in print. Both come from the same chart,
 * theme and layout; the same data gives the same bytes.
 */
public final class ChartRenderer
{
    /** Layout size in CSS pixels: the SVG's size and view box; the PNG is {@link #SCALE} times larger. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;
    public static final int SCALE = 2;

    static final Color BACKGROUND = Color.WHITE;

    /** Written after the chart's own font, for a viewer that does not have it. */
    static final String GENERIC_FAMILY = "sans-serif";

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** Decimal places of the SVG's coordinates: a hundredth of a CSS pixel. */
    private static final int SVG_PRECISION = 2;
    private static final DOMImplementation DOM = domImplementation();

    private static final List<Color> PALETTE = List.of(
            new Color(0x0F6CBD), new Color(0xC4314B), new Color(0x107C10), new Color(0xCA5010), new Color(0x5C2E91),
            new Color(0x038387), new Color(0x8E562E), new Color(0x4F6BED), new Color(0x986F0B), new Color(0x69797E),
            new Color(0xE3008C), new Color(0x0B6A0B), new Color(0x004E8C));

    private static final Color SUCCESS = new Color(0x107C10);
    private static final Color FAILURE = new Color(0xC4314B);

    static {
        // JFreeChart draws rotated text (the value axis' label, slanted category labels) through a TextLayout by
        // default, a workaround for old JDKs; an SVG graphics then gets glyph outlines instead of text. Drawn with
        // drawString, it is text in the SVG, and the PNG's pixels are the same as through the TextLayout.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final String fontFamily;

    /**
     * @param fontFamily the family chosen by {@link ChartFonts#family}
     */
    public ChartRenderer(String fontFamily)
    {
        this.fontFamily = fontFamily;
    }

    /**
     * Writes the chart as a file in its {@linkplain ChartData#format() format}.
     *
     * @throws UsageReportException {@code STORAGE} when the file cannot be written, {@code INTERNAL} when the font
     *         cannot display a text of the chart
     */
    public void write(ChartData data, Path file)
    {
        switch (data.format()) {
            case SVG -> writeSvg(data, file);
            case PNG -> writePng(data, file);
        }
    }

    private void writePng(ChartData data, Path file)
    {
        BufferedImage image = image(data);
        try (OutputStream output = Files.newOutputStream(file)) {
            if (!ImageIO.write(new SharedRasterImage(image), "png", output)) {
                throw new UsageReportException(ErrorCode.INTERNAL, "Cannot write chart " + file + ": no PNG writer");
            }
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write chart " + file + ": " + StorageFailures.reason(e), e);
        }
    }

    private void writeSvg(ChartData data, Path file)
    {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            svg(data, writer);
        }
        catch (SVGGraphics2DIOException e) {
            // Batik wraps the writer's failure without making it the cause
            IOException failure = e.getException() != null ? e.getException() : e;
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write chart " + file + ": " + StorageFailures.reason(failure), failure);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write chart " + file + ": " + StorageFailures.reason(e), e);
        }
    }

    /**
     * Writes the chart as an SVG document of {@code WIDTH × HEIGHT} with a view box of the same size, so it scales.
     * Its text is text in the chart's font family, followed by {@code sans-serif} for viewers without that font.
     *
     * @throws UsageReportException when the font cannot display a text of the chart
     */
    void svg(ChartData data, Writer writer)
            throws IOException
    {
        Font regular = new Font(fontFamily, Font.PLAIN, 15);
        ChartFonts.requireDisplayable(regular, data.texts());
        JFreeChart chart = chart(data);
        Document document = DOM.createDocument(SVG_NAMESPACE, "svg", null);
        // text as text, not outlines: the viewer's fonts draw it, and it stays searchable and selectable
        SVGGraphics2D graphics = new SVGGraphics2D(new ChartSvgContext(document, regular), false);
        setRenderingHints(graphics);
        graphics.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        Element root = graphics.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        // presentation attributes rather than CSS; non-ASCII text as UTF-8 characters rather than references
        graphics.stream(root, writer, false, false);
    }

    /**
     * Paints the chart onto an image of {@code WIDTH*SCALE × HEIGHT*SCALE} pixels.
     *
     * @throws UsageReportException when the font cannot display a text of the chart
     */
    public BufferedImage image(ChartData data)
    {
        Font regular = new Font(fontFamily, Font.PLAIN, 15);
        ChartFonts.requireDisplayable(regular, data.texts());
        JFreeChart chart = chart(data);
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            setRenderingHints(graphics);
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.scale(SCALE, SCALE);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        }
        finally {
            graphics.dispose();
        }
        return image;
    }

    /** The same hints for both formats: they decide the text's metrics, and so the layout. */
    private static void setRenderingHints(Graphics2D graphics)
    {
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private JFreeChart chart(ChartData data)
    {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int series = 0; series < data.series().size(); series++) {
            for (int category = 0; category < data.categories().size(); category++) {
                Optional<Long> value = data.values().get(series).get(category);
                dataset.addValue(value.orElse(null), data.series().get(series), data.categories().get(category));
            }
        }
        JFreeChart chart = switch (data.kind()) {
            case BAR -> ChartFactory.createBarChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset);
            case STACKED_BAR -> ChartFactory.createStackedBarChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset);
            case LINE -> ChartFactory.createLineChart(data.title(), data.categoryAxis(), data.valueAxis(), dataset);
        };
        theme().apply(chart);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setPadding(new RectangleInsets(12, 16, 12, 24));
        TextTitle title = chart.getTitle();
        title.setFont(new Font(fontFamily, Font.BOLD, 24));
        title.setPaint(new Color(0x242424));
        title.setMargin(4, 0, 12, 0);

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xD1D1D1));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        NumberAxis rangeAxis = (NumberAxis) plot.getRangeAxis();
        rangeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        rangeAxis.setUpperMargin(0.12);
        CategoryAxis domainAxis = plot.getDomainAxis();
        domainAxis.setMaximumCategoryLabelLines(2);
        if (data.categories().size() > 10) {
            domainAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        CategoryItemRenderer renderer = plot.getRenderer();
        for (int series = 0; series < data.series().size(); series++) {
            renderer.setSeriesPaint(series, seriesColor(data, series));
        }
        if (renderer instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            bars.setMaximumBarWidth(0.12);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
            bars.setDefaultItemLabelFont(new Font(fontFamily, Font.PLAIN, 13));
            bars.setDefaultItemLabelsVisible(data.kind() == ChartData.Kind.BAR);
        }
        if (renderer instanceof LineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
            for (int series = 0; series < data.series().size(); series++) {
                lines.setSeriesStroke(series, new BasicStroke(2.5f));
            }
        }
        return chart;
    }

    private static Color seriesColor(ChartData data, int series)
    {
        if (data.kind() == ChartData.Kind.STACKED_BAR && data.series().size() == 2) {
            return series == 0 ? SUCCESS : FAILURE;
        }
        return PALETTE.get(series % PALETTE.size());
    }

    private StandardChartTheme theme()
    {
        StandardChartTheme theme = new StandardChartTheme("usage-report");
        theme.setExtraLargeFont(new Font(fontFamily, Font.BOLD, 24));
        theme.setLargeFont(new Font(fontFamily, Font.BOLD, 16));
        theme.setRegularFont(new Font(fontFamily, Font.PLAIN, 15));
        theme.setSmallFont(new Font(fontFamily, Font.PLAIN, 13));
        theme.setChartBackgroundPaint(BACKGROUND);
        theme.setPlotBackgroundPaint(BACKGROUND);
        theme.setLegendBackgroundPaint(BACKGROUND);
        theme.setAxisLabelPaint(new Color(0x424242));
        theme.setTickLabelPaint(new Color(0x424242));
        theme.setItemLabelPaint(new Color(0x242424));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static DOMImplementation domImplementation()
    {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("Cannot create an XML document builder", e);
        }
    }

    /**
     * Batik's default context, made deterministic and safe for the writers' threads: no generator comment, ids
     * counted from 1 in every document, and a number format of its own (Batik's contexts share one
     * {@link DecimalFormat} per precision, which is not thread-safe). The document's default font is the chart's.
     */
    private static final class ChartSvgContext
            extends SVGGeneratorContext
    {
        ChartSvgContext(Document document, Font font)
        {
            super(document);
            GraphicContextDefaults graphicDefaults = new GraphicContextDefaults();
            graphicDefaults.setFont(font);
            setGraphicContextDefaults(graphicDefaults);
            setIDGenerator(new SVGIDGenerator());
            setExtensionHandler(new DefaultExtensionHandler());
            setImageHandler(new ImageHandlerBase64Encoder());
            setErrorHandler(new DefaultErrorHandler());
            setStyleHandler(new FallbackFontStyleHandler());
            setComment(null);
            setEmbeddedFontsOn(false);
            setPrecision(SVG_PRECISION);
            decimalFormat = (DecimalFormat) decimalFormat.clone();
        }
    }

    /**
     * Batik writes a font's family alone, quoted ({@code font-family="'IPAexGothic'"}), and a viewer without that font
     * would use its default, often a serif font: name the generic family after it. Logical families (Java's
     * {@code SansSerif}) come out unquoted and already generic.
     */
    private static final class FallbackFontStyleHandler
            implements StyleHandler
    {
        private static final String FONT_FAMILY = "font-family";

        private final StyleHandler defaults = new DefaultStyleHandler();

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"}) // Batik's interface takes a raw map
        public void setStyle(Element element, Map styleMap, SVGGeneratorContext context)
        {
            Object family = styleMap.get(FONT_FAMILY);
            if (family instanceof String name && name.startsWith("'")) {
                Map<Object, Object> styles = new HashMap<>(styleMap);
                styles.put(FONT_FAMILY, name + ", " + GENERIC_FAMILY);
                defaults.setStyle(element, styles, context);
                return;
            }
            defaults.setStyle(element, styleMap, context);
        }
    }
}
