package io.usagereport.cli;

import io.usagereport.ingest.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options every Spark command shares: where Spark runs and extra Spark settings.
 */
final class SparkOptions
{
    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkSessions.LOCAL_MASTER,
            description = "Spark master: local[*] (default, Spark inside this process), local-cluster[N,cores,MB], spark://host:port, yarn, k8s://…")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as for spark-submit; may be repeated")
    Map<String, String> settings = new LinkedHashMap<>();

    SparkSession session(String step)
    {
        return SparkSessions.builder("usage-report " + step, master, settings).getOrCreate();
    }
}
