package io.usagereport.cli.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data sharing archive: the first command that starts Spark after a build writes it as
 * {@code usage-report-<java>.jsa.<pid>} when its JVM exits; the next start checks that it loads, puts it in place,
 * and every later command maps the classes from it. The commands' results do not change.
 */
@Tag("e2e")
class TestClassArchive
{
    @Test
    void theFirstSparkCommandSavesTheArchiveAndTheNextStartPutsItInPlace()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("class-archive");
        Path lake = folder.resolve("lake");
        Reference.copy(reference.lake, lake);
        Path target = Batch.repository().resolve("cli/target");
        archives(target).forEach(TestClassArchive::delete);
        List<String> analyze = List.of("analyze", "--lake", lake.toString(), "--month", Batch.MONTH, "--conf", "spark.ui.enabled=false");

        Batch.runToEnd(folder.resolve("analyze-1.log"), analyze, 0);

        assertThat(archives(target)).singleElement().asString().matches(".*/usage-report-[0-9]+\\.jsa\\.[0-9]+");
        String firstRun = Batch.text(folder.resolve("analyze-1.log"));

        Batch.runToEnd(folder.resolve("analyze-2.log"), analyze, 0);

        assertThat(archives(target)).singleElement().asString().matches(".*/usage-report-[0-9]+\\.jsa");
        String secondRun = Batch.text(folder.resolve("analyze-2.log"));
        // the same summary, and nothing from the JVM about the archive
        assertThat(summary(secondRun)).isEqualTo(summary(firstRun)).first().asString().startsWith("Analyzed 2022-09: ");
        assertThat(secondRun).doesNotContain("[cds").doesNotContain("shared archive");
    }

    private static List<String> summary(String log)
    {
        return log.lines().filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d .*")).toList();
    }

    private static List<Path> archives(Path target)
    {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().matches("usage-report-.*\\.jsa.*")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path)
    {
        try {
            Files.delete(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
