package io.usagereport.reports.render;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
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
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Draws a {@link ChartData} with JFreeChart as a sharp PNG: the chart is laid out at {@link #WIDTH}×{@link #HEIGHT}
 * CSS pixels and painted at {@link #SCALE}× onto the image, so it stays crisp on high-density screens and in print.
 */
public final class ChartRenderer
{
    /** Layout size in CSS pixels; the PNG is {@link #SCALE} times larger. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;
    public static final int SCALE = 2;

    static final Color BACKGROUND = Color.WHITE;

    private static final List<Color> PALETTE = List.of(
            new Color(0x0F6CBD), new Color(0xC4314B), new Color(0x107C10), new Color(0xCA5010), new Color(0x5C2E91),
            new Color(0x038387), new Color(0x8E562E), new Color(0x4F6BED), new Color(0x986F0B), new Color(0x69797E),
            new Color(0xE3008C), new Color(0x0B6A0B), new Color(0x004E8C));

    private static final Color SUCCESS = new Color(0x107C10);
    private static final Color FAILURE = new Color(0xC4314B);

    private final String fontFamily;

    /**
     * @param fontFamily the family chosen by {@link ChartFonts#family}
     */
    public ChartRenderer(String fontFamily)
    {
        this.fontFamily = fontFamily;
    }

    /** Writes the chart as a PNG file. */
    public void write(ChartData data, Path file)
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
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
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
}
