package io.usagereport.ingest.testing;

import io.usagereport.ingest.SparkSessions;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * The one local Spark session shared by every test in a JVM: starting Spark costs seconds, so tests never start
 * their own. It is stopped when the JVM exits.
 */
public final class TestingSpark
{
    private static SparkSession session;

    private TestingSpark() {}

    public static synchronized SparkSession session()
    {
        if (session == null) {
            // Test data is tiny: compiling generated code for each plan costs more than interpreting it. The
            // end-to-end tests run the product's own settings.
            session = SparkSessions.builder("usage-report-tests", "local[2]", Map.of(
                            "spark.sql.shuffle.partitions", "4",
                            "spark.default.parallelism", "4",
                            "spark.sql.codegen.wholeStage", "false",
                            "spark.sql.codegen.factoryMode", "NO_CODEGEN"))
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }
}
