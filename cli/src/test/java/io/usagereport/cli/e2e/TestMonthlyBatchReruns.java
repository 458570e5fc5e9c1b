package io.usagereport.cli.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-runs and crashes of the monthly batch: a second run into the same lake and output gives the same files and
 * rows; a run killed with SIGKILL at any stage leaves nothing that the next run does not repair.
 */
@Tag("e2e")
class TestMonthlyBatchReruns
{
    @Test
    void aSecondRunIntoTheSameLakeAndOutputGivesTheSameReportsAndRows()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("rerun");
        Path lake = folder.resolve("lake");
        Path out = folder.resolve("out");
        Reference.copy(reference.lake, lake);
        Reference.copy(reference.out, out);

        Duration took = Batch.runToEnd(folder.resolve("run.log"), Batch.runArguments(lake, out), Batch.EXIT_REJECTS);
        System.out.printf("e2e: second run into the same lake and output: %.1f s%n", took.toMillis() / 1000.0);

        BatchOutputs again = BatchOutputs.read(lake, out);
        assertThat(again.reports()).containsExactlyEntriesOf(reference.outputs.reports());
        assertThat(again.chartBytes()).as("the charts' bytes").containsExactlyEntriesOf(reference.outputs.chartBytes());
        assertThat(again.tables()).containsExactlyEntriesOf(reference.outputs.tables());
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
        assertThat(runSummaries(lake)).hasSize(2);
    }

    @Test
    void aRunKilledAtAnyStageIsRepairedByTheNextRun()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("killed");
        Path lake = folder.resolve("lake");
        Path out = folder.resolve("out");
        List<Kill> kills = new ArrayList<>();

        // a first run into an empty lake, killed at each stage in turn
        kills.add(killWhen("first run: ingest staging the sign-ins it parses", folder, lake, out,
                () -> anyChild(lake.resolve("_staging"), run -> Files.isDirectory(run.resolve("signins")))));
        kills.add(killWhen("first run: ingest journal _COMMIT written (publishing)", folder, lake, out,
                () -> anyChild(lake.resolve("_staging"), run -> Files.exists(run.resolve("_COMMIT")))));
        kills.add(killWhen("first run: marts being written", folder, lake, out,
                () -> anyChild(lake.resolve("marts"), BatchOutputsProbe::writing)));
        kills.add(killWhen("first run: report month folder staged", folder, lake, out,
                () -> anyChild(out, child -> child.getFileName().toString().startsWith("." + Batch.MONTH + ".staging-"))));
        Batch.runToEnd(folder.resolve("complete-1.log"), Batch.runArguments(lake, out), Batch.EXIT_REJECTS);
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
        assertSameAs(reference, BatchOutputs.read(lake, out));

        // a re-run over a complete lake and output, killed while it replaces what is there
        kills.add(killWhen("re-run: ingest journal _COMMIT written (publishing)", folder, lake, out,
                () -> anyChild(lake.resolve("_staging"), run -> Files.exists(run.resolve("_COMMIT")))));
        kills.add(killWhen("re-run: marts being replaced", folder, lake, out,
                () -> anyChild(lake.resolve("marts"), BatchOutputsProbe::writing)));
        // (a re-run killed while its report month is staged is left out: it repeats the first run's case at the cost of a run)
        kills.add(killWhen("re-run: report month folder swapped (old one set aside)", folder, lake, out,
                () -> anyChild(out, child -> child.getFileName().toString().startsWith("." + Batch.MONTH + ".previous-"))));
        Batch.runToEnd(folder.resolve("complete-2.log"), Batch.runArguments(lake, out), Batch.EXIT_REJECTS);

        kills.forEach(kill -> System.out.println("e2e: kill -9 at " + kill));
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
        assertSameAs(reference, BatchOutputs.read(lake, out));
        // the stages long enough to be caught from outside were caught; the instant ones are tried, not required
        assertThat(kills.stream().filter(Kill::reached).map(Kill::point).toList()).contains(
                "first run: ingest staging the sign-ins it parses",
                "first run: marts being written",
                "first run: report month folder staged",
                "re-run: marts being replaced");
    }

    private static void assertSameAs(Reference reference, BatchOutputs outputs)
    {
        assertThat(outputs.reports()).containsExactlyEntriesOf(reference.outputs.reports());
        assertThat(outputs.tables()).containsExactlyEntriesOf(reference.outputs.tables());
    }

    /** What a kill found: whether the run reached the point, when, and what it left behind. */
    record Kill(String point, boolean reached, double seconds, List<String> leftovers)
    {
        @Override
        public String toString()
        {
            return reached
                    ? String.format(Locale.ROOT, "%s: killed after %.1f s, left %s", point, seconds, leftovers)
                    : String.format(Locale.ROOT, "%s: not caught (the run ended first, %.1f s)", point, seconds);
        }
    }

    /** Starts a run and kills it with SIGKILL as soon as {@code reached} holds (polled every 2 ms). */
    private static Kill killWhen(String point, Path folder, Path lake, Path out, BooleanSupplier reached)
    {
        Path log = folder.resolve("killed-" + point.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".log");
        long started = System.nanoTime();
        Process process = Batch.start(log, Batch.runArguments(lake, out));
        try {
            long deadline = started + Batch.TIMEOUT.toNanos();
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (reached.getAsBoolean()) {
                    Batch.kill(process);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    return new Kill(point, true, seconds, BatchOutputs.leftovers(lake, out));
                }
                Thread.sleep(2);
            }
            assertThat(Batch.await(process, log)).as("exit status; output:%n%s", Batch.text(log)).isEqualTo(Batch.EXIT_REJECTS);
            return new Kill(point, false, (System.nanoTime() - started) / 1e9, List.of());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
        finally {
            if (process.isAlive()) {
                Batch.kill(process);
            }
        }
    }

    private static boolean anyChild(Path folder, java.util.function.Predicate<Path> test)
    {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (test.test(child)) {
                    return true;
                }
            }
            return false;
        }
        catch (IOException | UncheckedIOException e) {
            return false; // the folder changed while listed: try again
        }
    }

    private static List<Path> runSummaries(Path lake)
    {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(lake.resolve("_runs").resolve(Batch.MONTH), "*.json")) {
            List<Path> summaries = new ArrayList<>();
            children.forEach(summaries::add);
            return summaries;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spark's traces of a mart being written: its job's staging folder or committer's temporary folder. */
    private static final class BatchOutputsProbe
    {
        static boolean writing(Path mart)
        {
            return anyChild(mart, child -> {
                String name = child.getFileName().toString();
                return name.startsWith(".spark-staging") || name.equals("_temporary");
            });
        }
    }
}
