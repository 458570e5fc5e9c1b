package io.usagereport.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch as a user starts it: {@code ./usage-report run …} on the committed sample data, as a separate
 * process whose output goes to a log file.
 */
final class Batch
{
    static final String MONTH = "2022-09";
    /** Exit status of {@code run} on the sample data: it holds three deliberately malformed records. */
    static final int EXIT_REJECTS = 2;
    static final Duration TIMEOUT = Duration.ofMinutes(8);

    private Batch() {}

    /** The repository: {@code usage-report.home} (set by the e2e profile), else the parent of the module folder. */
    static Path repository()
    {
        String home = System.getProperty("usage-report.home");
        Path path = home != null ? Path.of(home) : Path.of("..");
        return path.toAbsolutePath().normalize();
    }

    static Path launcher()
    {
        return repository().resolve("usage-report");
    }

    static Path runnableJar()
    {
        return repository().resolve("cli/target/usage-report-cli-0.1.0-SNAPSHOT-all.jar");
    }

    /** The arguments of {@code run} on the sample data into {@code lake} and {@code out}, plus any extra ones. */
    static List<String> runArguments(Path lake, Path out, String... extra)
    {
        Path samples = repository().resolve("sample-data");
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                "--input", samples.resolve("exports").toString(),
                "--lake", lake.toString(),
                "--out", out.toString(),
                "--month", MONTH,
                "--tenants", samples.resolve("tenants.csv").toString(),
                "--conf", "spark.ui.enabled=false"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /** Starts the launcher with these arguments; its output and errors go to {@code log}. */
    static Process start(Path log, List<String> arguments)
    {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repository().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_OPTS", "-Xmx1g");
        try {
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the batch to its end and returns how long it took; fails unless it exits with {@code expectedStatus}. */
    static Duration runToEnd(Path log, List<String> arguments, int expectedStatus)
    {
        long started = System.nanoTime();
        Process process = start(log, arguments);
        int status = await(process, log);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status).as("exit status of %s; its output:%n%s", arguments, text(log)).isEqualTo(expectedStatus);
        return took;
    }

    static int await(Process process, Path log)
    {
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("The batch did not end within " + TIMEOUT + "; its output:\n" + text(log));
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    static void kill(Process process)
    {
        process.destroyForcibly();
        try {
            process.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    static String text(Path file)
    {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
