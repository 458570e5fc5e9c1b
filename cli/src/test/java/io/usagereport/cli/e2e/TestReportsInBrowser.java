package io.usagereport.cli.e2e;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month's index and a tenant's report opened in headless Chromium: no console message, the chart images load
 * (the DOM lists them, their files are there), and the screenshot shows them (coloured pixels below the first screen).
 * Chromium logs every console message, errors included, to stderr as {@code …:CONSOLE:…} lines with
 * {@code --enable-logging=stderr}.
 */
@Tag("e2e")
class TestReportsInBrowser
{
    /** The screenshot's size: wide enough for the page's layout, tall enough for every chart. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 4000;
    private static final int FIRST_SCREEN = 900;

    @Test
    void theMonthsIndexOpensWithoutConsoleMessagesAndLinksEveryTenantsReport()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("browser-index");
        Path page = reference.out.resolve(Batch.MONTH).resolve("index.html");

        Chromium.Result result = Chromium.open(folder, page);

        assertThat(result.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(result.dom());
        List<String> links = dom.select("a[href$=report.html]").eachAttr("href");
        assertThat(links).hasSize(5).allSatisfy(link -> assertThat(page.resolveSibling(link)).isRegularFile());
        // the table's text is drawn (about 7,000 dark pixels when measured)
        assertThat(darkPixels(result.screenshot(), 0, FIRST_SCREEN)).isGreaterThan(3_000);
    }

    @Test
    void aTenantsReportOpensWithoutConsoleMessagesAndShowsItsCharts()
            throws IOException
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("browser-report");
        Path page = tenantWithCharts(reference.out.resolve(Batch.MONTH)).resolve("report.html");

        Chromium.Result result = Chromium.open(folder, page);

        assertThat(result.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(result.dom());
        List<String> images = dom.select("img").eachAttr("src");
        assertThat(images).containsExactly("chart-protocols.svg", "chart-requests.svg", "chart-history.svg");
        for (Element image : dom.select("img")) {
            assertThat(page.resolveSibling(image.attr("src"))).isRegularFile();
            assertThat(image.attr("alt")).isNotBlank();
        }
        // the charts' bars and lines are the only strongly coloured areas of the page (about 160,000 pixels below the
        // first screen when measured; 60 with the images missing): the screenshot must have them
        assertThat(colouredPixels(result.screenshot(), FIRST_SCREEN, HEIGHT)).isGreaterThan(50_000);
        assertThat(darkPixels(result.screenshot(), FIRST_SCREEN, HEIGHT)).isGreaterThan(10_000);
        System.out.println("e2e: screenshot of " + page + ": " + result.screenshotFile());
    }

    @Test
    void aPageWithAScriptErrorIsCaughtByTheConsoleCheck()
            throws IOException
    {
        Path folder = Reference.workFolder("browser-broken");
        Path page = Files.writeString(folder.resolve("broken.html"),
                "<!DOCTYPE html><html><body><p>x</p><script>missingFunction();</script></body></html>");

        Chromium.Result result = Chromium.open(folder, page);

        // once from the DOM dump, once from the screenshot
        assertThat(result.consoleLines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("Uncaught ReferenceError: missingFunction is not defined"));
    }

    private static Path tenantWithCharts(Path month)
            throws IOException
    {
        try (Stream<Path> tenants = Files.list(month)) {
            return tenants.filter(tenant -> Files.exists(tenant.resolve("chart-history.svg")))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no tenant with charts in " + month));
        }
    }

    /** Pixels of text and lines: dark grey to black (the page's background is light grey, its cards white). */
    private static long darkPixels(BufferedImage image, int fromRow, int toRow)
    {
        return count(image, fromRow, toRow, rgb -> (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3 < 100);
    }

    /** Pixels whose colour is far from grey: the charts' series colours. */
    private static long colouredPixels(BufferedImage image, int fromRow, int toRow)
    {
        return count(image, fromRow, toRow, rgb -> {
            int red = (rgb >> 16) & 0xFF;
            int green = (rgb >> 8) & 0xFF;
            int blue = rgb & 0xFF;
            return Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 80;
        });
    }

    private static long count(BufferedImage image, int fromRow, int toRow, java.util.function.IntPredicate test)
    {
        long found = 0;
        for (int row = fromRow; row < Math.min(toRow, image.getHeight()); row++) {
            for (int column = 0; column < image.getWidth(); column++) {
                if (test.test(image.getRGB(column, row))) {
                    found++;
                }
            }
        }
        return found;
    }

    /** Debian's {@code chromium}, headless, as root (no sandbox), with a fresh profile for each call. */
    static final class Chromium
    {
        record Result(String dom, BufferedImage screenshot, Path screenshotFile, List<String> consoleLines) {}

        static Result open(Path folder, Path page)
        {
            String url = page.toUri().toString();
            Path screenshot = folder.resolve("screenshot.png");
            List<String> console = new ArrayList<>();
            Path domFile = folder.resolve("dom.html");
            run(folder, "dom", List.of("--dump-dom", url), domFile, console);
            run(folder, "screenshot", List.of("--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT,
                    "--screenshot=" + screenshot, url), folder.resolve("screenshot.out"), console);
            try {
                BufferedImage image = ImageIO.read(screenshot.toFile());
                assertThat(image).as("screenshot %s", screenshot).isNotNull();
                assertThat(image.getWidth()).isEqualTo(WIDTH);
                return new Result(Batch.text(domFile), image, screenshot, console);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void run(Path folder, String name, List<String> arguments, Path output, List<String> console)
        {
            List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + folder.resolve("profile-" + name),
                    "--enable-logging=stderr", "--v=0"));
            command.addAll(arguments);
            Path errors = folder.resolve(name + ".stderr");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(folder.toFile())
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("chromium did not finish within 2 minutes: " + command);
                }
                assertThat(process.exitValue()).as("chromium exit status; stderr:%n%s", Batch.text(errors)).isZero();
                Batch.text(errors).lines().filter(line -> line.contains(":CONSOLE")).forEach(console::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start chromium (apt-get install chromium): " + e.getMessage(), e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }
}
