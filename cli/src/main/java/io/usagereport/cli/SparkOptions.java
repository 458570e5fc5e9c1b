package io.usagereport.cli;

import io.usagereport.ingest.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;

/**
 * The options every Spark command shares: where Spark runs and extra Spark settings.
 */
final class SparkOptions
{
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (the default, Spark inside this process; under spark-submit, its --master), local-cluster[N,cores,MB], spark://host:port, yarn, k8s://…")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as for spark-submit; may be repeated")
    Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The session a command runs on. Closing it stops Spark unless a session was already running in this process
     * (as in tests, which share one).
     */
    Spark open(String step)
    {
        boolean running = SparkSession.getDefaultSession().isDefined();
        return new Spark(session(step), !running);
    }

    record Spark(SparkSession session, boolean owned)
            implements AutoCloseable
    {
        @Override
        public void close()
        {
            if (owned) {
                session.stop();
            }
        }
    }

    /** The master named on the command line, else the one spark-submit set, else Spark inside this process. */
    String master()
    {
        if (master != null) {
            return master;
        }
        return System.getProperty("spark.master", SparkSessions.LOCAL_MASTER);
    }

    private SparkSession session(String step)
    {
        String master = master();
        Map<String, String> all = new LinkedHashMap<>(settings);
        // executors outside this process need the application's classes: ship the runnable jar this runs from
        if (!master.startsWith("local[") && !master.equals("local") && !all.containsKey("spark.jars") && System.getProperty("spark.jars") == null) {
            applicationJar().ifPresent(jar -> all.put("spark.jars", jar));
        }
        return SparkSessions.builder("usage-report " + step, master, all).getOrCreate();
    }

    private static Optional<String> applicationJar()
    {
        try {
            Path location = Path.of(UsageReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.getFileName().toString().endsWith(".jar")) {
                return Optional.of(location.toAbsolutePath().toString());
            }
            return Optional.empty();
        }
        catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
