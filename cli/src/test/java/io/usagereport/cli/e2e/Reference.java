package io.usagereport.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uninterrupted run every other run is compared with: {@code run} on the sample data into a fresh lake and output
 * under {@code cli/target/e2e/reference}, made once per test JVM and then left alone.
 */
final class Reference
{
    private static Reference instance;

    final Path lake;
    final Path out;
    final Duration took;
    final BatchOutputs outputs;

    private Reference(Path lake, Path out, Duration took, BatchOutputs outputs)
    {
        this.lake = lake;
        this.out = out;
        this.took = took;
        this.outputs = outputs;
    }

    static synchronized Reference get()
    {
        if (instance == null) {
            Path folder = workFolder("reference");
            Path lake = folder.resolve("lake");
            Path out = folder.resolve("out");
            Duration took = Batch.runToEnd(folder.resolve("run.log"), Batch.runArguments(lake, out), Batch.EXIT_REJECTS);
            System.out.printf("e2e: uninterrupted run on local[*]: %.1f s%n", took.toMillis() / 1000.0);
            assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
            instance = new Reference(lake, out, took, BatchOutputs.read(lake, out));
            assertThat(instance.outputs.reports()).containsKey(Batch.MONTH + "/index.html");
        }
        return instance;
    }

    /** An empty folder {@code cli/target/e2e/<name>}, kept after the tests for a look. */
    static Path workFolder(String name)
    {
        Path folder = Batch.repository().resolve("cli/target/e2e").resolve(name);
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to)
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
