package io.usagereport.cli.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch on real executors: a Spark standalone Master and Worker started on loopback from the runnable
 * jar, and {@code local-cluster[…]}; both give what {@code local[*]} gives.
 */
@Tag("e2e")
class TestMonthlyBatchOnCluster
{
    private static final Duration DAEMON_START = Duration.ofMinutes(2);

    @Test
    void aStandaloneClusterGivesTheSameOutputsAsLocalSpark()
            throws IOException
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("standalone");
        Path sparkHome = Files.createDirectories(folder.resolve("spark-home/jars"));
        Files.createSymbolicLink(sparkHome.resolve("usage-report-all.jar"), Batch.runnableJar());
        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        List<Process> daemons = new ArrayList<>();
        int masterWebUi = freePort();
        Path work = Files.createDirectories(folder.resolve("work"));
        try {
            daemons.add(daemon(folder, "master", sparkHome.getParent(), List.of(
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(masterWebUi))));
            awaitMasterState(daemons, folder, masterWebUi, "\"status\"\\s*:\\s*\"ALIVE\"");
            daemons.add(daemon(folder, "worker", sparkHome.getParent(), List.of(
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString(), master)));
            awaitMasterState(daemons, folder, masterWebUi, "\"aliveworkers\"\\s*:\\s*1\\b");

            Path lake = folder.resolve("lake");
            Path out = folder.resolve("out");
            Duration took = Batch.runToEnd(folder.resolve("run.log"), Batch.runArguments(lake, out,
                    "--master", master, "--conf", "spark.executor.memory=512m", "--conf", "spark.cores.max=1"), Batch.EXIT_REJECTS);
            System.out.printf("e2e: run on local[*]: %.1f s; on a standalone cluster (1 worker, 1 core, 512 MB executor): %.1f s%n",
                    reference.took.toMillis() / 1000.0, took.toMillis() / 1000.0);

            // the executor ran in the worker: its folder work/app-<id>/<executor>/ holds its output
            try (Stream<Path> apps = Files.list(work)) {
                assertThat(apps.map(path -> path.getFileName().toString())).singleElement().asString().startsWith("app-");
            }
            assertSameAs(reference, lake, out, master);
        }
        finally {
            for (int index = daemons.size() - 1; index >= 0; index--) {
                stop(daemons.get(index));
            }
        }
    }

    @Test
    void localClusterFromTheLauncherGivesTheSameOutputsAsLocalSpark()
    {
        Reference reference = Reference.get();
        Path folder = Reference.workFolder("local-cluster");
        Path lake = folder.resolve("lake");
        Path out = folder.resolve("out");

        Duration took = Batch.runToEnd(folder.resolve("run.log"),
                Batch.runArguments(lake, out, "--master", "local-cluster[2,1,1024]"), Batch.EXIT_REJECTS);
        System.out.printf("e2e: run on local[*]: %.1f s; on local-cluster[2,1,1024]: %.1f s%n",
                reference.took.toMillis() / 1000.0, took.toMillis() / 1000.0);

        assertSameAs(reference, lake, out, "local-cluster[2,1,1024]");
    }

    private static void assertSameAs(Reference reference, Path lake, Path out, String master)
    {
        BatchOutputs outputs = BatchOutputs.read(lake, out);
        assertThat(outputs.reports()).containsExactlyEntriesOf(reference.outputs.reports());
        assertThat(outputs.tables()).containsExactlyEntriesOf(reference.outputs.tables());
        assertThat(BatchOutputs.leftovers(lake, out)).isEmpty();
        String summary = runSummary(lake);
        assertThat(summary).contains("\"exit_status\" : 2", "\"spark_master\" : \"" + master + "\"");
    }

    private static String runSummary(Path lake)
    {
        try (Stream<Path> files = Files.list(lake.resolve("_runs").resolve(Batch.MONTH))) {
            List<Path> summaries = files.filter(path -> path.toString().endsWith(".json")).toList();
            assertThat(summaries).hasSize(1);
            return Batch.text(summaries.get(0));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a Spark daemon from the runnable jar, in its own process (its real PID is the Process's). */
    private static Process daemon(Path folder, String name, Path sparkHome, List<String> arguments)
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // the Master's REST submission server (port 6066) is not needed, and the port may be taken
                "-Dspark.master.rest.enabled=false",
                "-cp", Batch.runnableJar().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPARK_HOME", sparkHome.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        try {
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the Master's state (its web UI's JSON) matches {@code pattern}; fails early when a daemon stops. */
    private static void awaitMasterState(List<Process> daemons, Path folder, int webUiPort, String pattern)
    {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Pattern expected = Pattern.compile(pattern);
        long deadline = System.nanoTime() + DAEMON_START.toNanos();
        String last = "";
        try {
            while (System.nanoTime() < deadline) {
                for (Process daemon : daemons) {
                    if (!daemon.isAlive()) {
                        throw new AssertionError("A Spark daemon stopped; master.log:\n" + Batch.text(folder.resolve("master.log"))
                                + "\nworker.log:\n" + Batch.text(folder.resolve("worker.log")));
                    }
                }
                try {
                    last = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    if (expected.matcher(last).find()) {
                        return;
                    }
                }
                catch (IOException e) {
                    last = e.toString(); // not listening yet
                }
                Thread.sleep(250);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
        throw new AssertionError("The Master's state did not match " + pattern + " within " + DAEMON_START + "; last answer: " + last);
    }

    /** Stops a daemon and the executors it started: SIGTERM, then SIGKILL for whatever is still there after 20 s. */
    private static void stop(Process process)
    {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
