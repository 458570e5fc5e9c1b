package io.usagereport.reports.render;

import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ChartFormat;
import io.usagereport.reports.ReportLocale;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class TestChartRenderer
{
    @Test
    void englishChartHasTextInTheTitleBand()
    {
        String family = ChartFonts.family(ReportLocale.ENGLISH);
        BufferedImage image = new ChartRenderer(family).image(chart("Basic-authentication users by protocol, September 2022", List.of("ActiveSync", "IMAP")));

        assertThat(image.getWidth()).isEqualTo(2400);
        assertThat(image.getHeight()).isEqualTo(1400);
        assertThat(inkPixels(image, 0, 80)).isGreaterThan(2000);
        // Left and right of the centred title stays empty: the ink really is the title.
        assertThat(inkPixels(image, 0, 80, 0, 200)).isZero();
    }

    @Test
    void writtenPngHoldsExactlyTheDrawnPixels()
            throws IOException
    {
        ChartRenderer renderer = new ChartRenderer(ChartFonts.family(ReportLocale.ENGLISH));
        ChartData data = chart("Basic-authentication users by protocol, September 2022", List.of("ActiveSync", "IMAP"));
        Path file = Files.createTempFile("chart", ".png");
        try {
            renderer.write(data, file);
            BufferedImage written = ImageIO.read(file.toFile());
            BufferedImage drawn = renderer.image(data);

            assertThat(written.getWidth()).isEqualTo(2400);
            assertThat(written.getHeight()).isEqualTo(1400);
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    if ((written.getRGB(x, y) & 0xFFFFFF) != (drawn.getRGB(x, y) & 0xFFFFFF)) {
                        fail("pixel (%d, %d) is %06x in the file, %06x as drawn", x, y, written.getRGB(x, y) & 0xFFFFFF, drawn.getRGB(x, y) & 0xFFFFFF);
                    }
                }
            }
        }
        finally {
            Files.delete(file);
        }
    }

    @Test
    void japaneseChartDrawsJapaneseGlyphs()
    {
        String family;
        try {
            family = ChartFonts.family(ReportLocale.JAPANESE);
        }
        catch (UsageReportException e) {
            fail("No Japanese font installed: run 'apt-get install -y fonts-ipaexfont-gothic' (or fonts-noto-cjk). " + e.getMessage());
            return;
        }
        Font font = new Font(family, Font.PLAIN, 15);
        String title = "プロトコル別の基本認証ユーザー数 (2022年9月)";
        assertThat(font.canDisplayUpTo(title)).as("font %s displays the Japanese title", family).isEqualTo(-1);

        BufferedImage image = new ChartRenderer(family).image(chart(title, List.of("ActiveSync", "リモート PowerShell")));
        assertThat(inkPixels(image, 0, 80)).isGreaterThan(2000);

        // A font without Japanese glyphs draws boxes: the check refuses it instead.
        assertThatThrownBy(() -> ChartFonts.requireDisplayable(new Font("DejaVu Sans", Font.PLAIN, 15), List.of(title)))
                .isInstanceOf(UsageReportException.class)
                .hasMessageStartingWith("Cannot draw chart text with font 'DejaVu Sans': it cannot display 'プ' (U+30D7)");
    }

    @Test
    void japaneseFontIsChosenFromTheListInOrder()
    {
        assertThat(ChartFonts.JAPANESE_FAMILIES.get(0)).isEqualTo("IPAexGothic");
        assertThat(ChartFonts.family(ReportLocale.ENGLISH)).isNotEmpty();
    }

    private static ChartData chart(String title, List<String> categories)
    {
        return new ChartData(
                "chart",
                ChartFormat.PNG,
                ChartData.Kind.BAR,
                title,
                "Protocol",
                "Users",
                List.of("Successful users", "Users attempting"),
                categories,
                List.of(List.of(Optional.of(12L), Optional.of(3L)), List.of(Optional.of(13L), Optional.of(7L))));
    }

    private static long inkPixels(BufferedImage image, int top, int bottom)
    {
        return inkPixels(image, top, bottom, 0, image.getWidth());
    }

    /** Non-background pixels in the band {@code [top, bottom)} × {@code [left, right)}, in image pixels. */
    private static long inkPixels(BufferedImage image, int top, int bottom, int left, int right)
    {
        long count = 0;
        int background = ChartRenderer.BACKGROUND.getRGB();
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                if (image.getRGB(x, y) != background) {
                    count++;
                }
            }
        }
        return count;
    }
}
