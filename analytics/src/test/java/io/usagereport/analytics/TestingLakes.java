package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.SignInSchema;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.usagereport.analytics.TestingSignIns.T1;
import static io.usagereport.analytics.TestingSignIns.T2;
import static io.usagereport.analytics.TestingSignIns.T3;
import static io.usagereport.analytics.TestingSignIns.T4;
import static io.usagereport.analytics.TestingSignIns.signIn;
import static io.usagereport.ingest.Protocol.EAS;
import static io.usagereport.ingest.Protocol.EWS;
import static io.usagereport.ingest.Protocol.IMAP;
import static io.usagereport.ingest.Protocol.MAPI;
import static io.usagereport.ingest.Protocol.MODERN;
import static io.usagereport.ingest.Protocol.OAB;
import static io.usagereport.ingest.Protocol.POP;
import static io.usagereport.ingest.Protocol.REMOTE_POWERSHELL;
import static io.usagereport.ingest.Protocol.RPC;
import static io.usagereport.ingest.Protocol.SMTP_AUTH;

/** Lakes for tests, written with Spark exactly as the lake layout says. */
final class TestingLakes
{
    static final YearMonth AUGUST = YearMonth.of(2022, 8);
    static final YearMonth SEPTEMBER = YearMonth.of(2022, 9);

    private static LakeLayout sample;

    private TestingLakes() {}

    /**
     * A small multi-tenant lake (August, September and one October sign-in) with the marts of August and September
     * already computed; built once per JVM and shared, so tests must not change it (re-running a month is fine).
     */
    static synchronized LakeLayout analyzedSample()
    {
        if (sample == null) {
            LakeLayout lake = new LakeLayout(temporaryFolder("sample-lake").toString());
            writeSignIns(lake, sampleSignIns());
            BasicAuthMarts marts = BasicAuthMarts.forLake(TestingSpark.session(), lake);
            marts.month(AUGUST).run();
            marts.month(SEPTEMBER).run();
            sample = lake;
        }
        return sample;
    }

    /** The sample's sign-ins; the figures the tests expect are worked out in {@code BasicAuthMartsTest}. */
    static List<Row> sampleSignIns()
    {
        return List.of(
                // tenant 1, September
                signIn().tenant(T1).user("Alice@X.com").displayName("Alice L").protocol(IMAP).at("2022-09-03T10:00:00Z").ip("10.0.0.1").userAgent("Thunderbird").build(),
                signIn().tenant(T1).user("alice@x.com").displayName("Alice L").protocol(IMAP).failed().at("2022-09-04T10:00:00Z").ip("10.0.0.2").userAgent("Thunderbird").build(),
                signIn().tenant(T1).user("alice@x.com").protocol(IMAP).at("2022-09-05T10:00:00Z").ip("10.0.0.1").userAgent("iOS Mail").build(),
                signIn().tenant(T1).user("bob@x.com").protocol(IMAP).failed().at("2022-09-10T10:00:00Z").userAgent("b-agent").build(),
                signIn().tenant(T1).user("bob@x.com").protocol(SMTP_AUTH).at("2022-09-11T10:00:00Z").ip("10.0.0.9").userAgent("zeta").build(),
                signIn().tenant(T1).user("bob@x.com").protocol(SMTP_AUTH).at("2022-09-12T10:00:00Z").ip("10.0.0.9").userAgent("alpha").build(),
                signIn().tenant(T1).user("carol@x.com").protocol(MAPI).at("2022-09-01T00:00:00Z").build(),
                signIn().tenant(T1).user("carol@x.com").protocol(RPC).at("2022-09-20T10:00:00Z").build(),
                signIn().tenant(T1).user("dave@x.com").protocol(OAB).at("2022-09-21T10:00:00Z").build(),
                signIn().tenant(T1).user("dave@x.com").protocol(MAPI).failed().at("2022-09-22T10:00:00Z").build(),
                signIn().tenant(T1).user("erin@x.com").protocol(EAS).at("2022-09-30T23:59:59Z").build(),
                signIn().tenant(T1).user("alice@x.com").protocol(MODERN).at("2022-09-06T10:00:00Z").build(),
                signIn().tenant(T1).user("frank@x.com").protocol(POP).failed().at("2022-09-07T10:00:00Z").build(),
                // tenant 1, the first instant of October: not September
                signIn().tenant(T1).user("erin@x.com").protocol(EAS).at("2022-10-01T00:00:00Z").build(),
                // tenant 1, August
                signIn().tenant(T1).user("ALICE@X.COM").protocol(IMAP).at("2022-08-15T10:00:00Z").build(),
                signIn().tenant(T1).user("frank@x.com").protocol(POP).at("2022-08-16T10:00:00Z").build(),
                signIn().tenant(T1).user("gina@x.com").protocol(EWS).at("2022-08-31T23:59:59Z").build(),
                // tenant 2
                signIn().tenant(T2).user("ivan@y.com").protocol(EWS).at("2022-09-02T10:00:00Z").build(),
                signIn().tenant(T2).user("ivan@y.com").protocol(REMOTE_POWERSHELL).at("2022-09-03T10:00:00Z").build(),
                signIn().tenant(T2).user("heidi@y.com").protocol(REMOTE_POWERSHELL).at("2022-08-03T10:00:00Z").build(),
                // tenant 3: modern authentication only
                signIn().tenant(T3).user("judy@z.com").protocol(MODERN).at("2022-09-09T10:00:00Z").build(),
                // tenant 4: August only
                signIn().tenant(T4).user("karl@w.com").protocol(IMAP).at("2022-08-09T10:00:00Z").build());
    }

    static void writeSignIns(LakeLayout lake, List<Row> rows)
    {
        SparkSession spark = TestingSpark.session();
        spark.createDataFrame(rows, SignInSchema.TABLE)
                .write()
                .mode(SaveMode.Append)
                .partitionBy(SignInSchema.TENANT_ID, SignInSchema.MONTH)
                .parquet(lake.signins());
    }

    static Path temporaryFolder(String prefix)
    {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(folder)));
            return folder;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
