package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIngestJob
{
    private static final String TENANT = "0f4a3c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    @TempDir
    Path work;

    private Path input;
    private LakeLayout lake;
    private SparkSession spark;

    @BeforeEach
    void setUp()
            throws IOException
    {
        spark = TestingSpark.session();
        input = work.resolve("exports");
        lake = new LakeLayout(work.resolve("lake").toString());
        Path tenant = Files.createDirectories(input.resolve(TENANT));
        Files.writeString(tenant.resolve("a.jsonl"), String.join("\n",
                graph("s1", "2022-09-01T10:00:00Z", "alice@contoso.com", "IMAP4", 0),
                graph("s2", "2022-09-02T11:00:00Z", "bob@contoso.com", "POP3", 50126),
                // 23:30 in UTC-5 on the last day of September is October in UTC
                graph("s3", "2022-09-30T23:30:00-05:00", "Alice@Contoso.com", "Exchange ActiveSync", 0)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(tenant.resolve("b.jsonl"), String.join("\n",
                graph("s2", "2022-09-02T11:00:00Z", "bob@contoso.com", "POP3", 50126),
                graph("s4", "2022-09-15T08:00:00Z", "Carol@Contoso.com", "Authenticated SMTP", 0),
                graph("s5", "not-a-date", "dave@contoso.com", "IMAP4", 0)) + "\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void theDedupStageHasATaskPerQuarterMillionSignInsButNeverFewerThanTheShufflePartitions()
    {
        assertThat(IngestJob.writeTasks(0, 8)).isEqualTo(8);
        assertThat(IngestJob.writeTasks(2_000_000, 8)).isEqualTo(8);
        assertThat(IngestJob.writeTasks(2_000_001, 8)).isEqualTo(9);
        // the 10 M benchmark month: 12,061,985 sign-in rows read
        assertThat(IngestJob.writeTasks(12_061_985, 8)).isEqualTo(49);
        assertThat(IngestJob.writeTasks(12_061_985, 200)).isEqualTo(200);
        assertThat(IngestJob.writeTasks(Long.MAX_VALUE, 8)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theFirstWriteSizesItsTasksFromTheInputAtFiveHundredBytesASignIn()
    {
        assertThat(IngestJob.writeTasksForInput(0, 8)).isEqualTo(8);
        assertThat(IngestJob.writeTasksForInput(1_000_000_000, 8)).isEqualTo(8);
        assertThat(IngestJob.writeTasksForInput(1_000_000_500, 8)).isEqualTo(9);
        // the 10 M benchmark month: 2,800 portal CSV files, 11,686,028,984 bytes
        assertThat(IngestJob.writeTasksForInput(11_686_028_984L, 8)).isEqualTo(94);
    }

    @Test
    void writesEachSignInOnceInTheMonthOfItsUtcTimeAndAccountsForEveryRecord()
    {
        IngestResult result = ingest(List.of(input.toString()));

        assertThat(result.files()).extracting(file -> List.of(file.sourceFile(), file.format(), file.rowsRead(), file.rowsWritten(), file.duplicates(), file.rejected()))
                .containsExactly(
                        List.of(input + "/" + TENANT + "/a.jsonl", "graph-json", 3L, 3L, 0L, 0L),
                        List.of(input + "/" + TENANT + "/b.jsonl", "graph-json", 3L, 1L, 1L, 1L));
        assertThat(result.partitions()).containsExactly(
                "tenant_id=" + TENANT + "/month=2022-09",
                "tenant_id=" + TENANT + "/month=2022-10");
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2",
                "2022-09|s4|carol@contoso.com|SMTP_AUTH|true|b.jsonl:2",
                "2022-10|s3|alice@contoso.com|EAS|true|a.jsonl:3");

        List<Row> rejects = spark.read().parquet(lake.rejects()).collectAsList();
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).<String>getAs(ManifestSchema.REASON))
                .startsWith("Invalid sign-in time in " + input + "/" + TENANT + "/b.jsonl at record 3 (line 3), field 'createdDateTime': 'not-a-date'");
        assertThat(rejects.get(0).<Long>getAs(SignInSchema.SOURCE_LINE)).isEqualTo(3L);
    }

    @Test
    void aFileCutShortKeepsItsRowsAndNamesTheFileOnceInItsError()
            throws IOException
    {
        Path cut = input.resolve(TENANT).resolve("cut.json");
        Files.writeString(cut, "{\"value\": [\n" + graph("c1", "2022-09-03T09:00:00Z", "erin@contoso.com", "IMAP4", 0) + ",\n"
                + graph("c2", "2022-09-03T09:05:00Z", "erin@contoso.com", "IMAP4", 0) + ",\n", StandardCharsets.UTF_8);

        IngestResult result = ingest(List.of(cut.toString()));

        IngestResult.FileResult file = result.files().get(0);
        assertThat(List.of(file.rowsRead(), file.rowsWritten(), file.rejected())).containsExactly(3L, 2L, 1L);
        assertThat(file.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("Cannot read " + cut + ": invalid JSON at line 4")
                .doesNotContain("Cannot read the rest of"));
    }

    @Test
    void ingestingTheSameFilesAgainChangesNothing()
    {
        ingest(List.of(input.toString()));
        List<String> first = signIns();

        IngestResult again = ingest(List.of(input.toString()));

        assertThat(signIns()).isEqualTo(first);
        assertThat(again.rowsWritten()).isEqualTo(4);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(spark.read().parquet(lake.rejects()).count()).isEqualTo(1);
        assertThat(spark.read().parquet(lake.manifests()).count()).isEqualTo(4);
    }

    @Test
    void ingestingOneFileLaterKeepsWhatOtherFilesGaveTheSameMonth()
    {
        ingest(List.of(input.resolve(TENANT).resolve("a.jsonl").toString()));

        IngestResult later = ingest(List.of(input.resolve(TENANT).resolve("b.jsonl").toString()));

        assertThat(later.files().get(0).duplicates()).isEqualTo(1);
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2",
                "2022-09|s4|carol@contoso.com|SMTP_AUTH|true|b.jsonl:2",
                "2022-10|s3|alice@contoso.com|EAS|true|a.jsonl:3");
    }

    @Test
    void aMonthThatAFileReadAgainNoLongerFeedsIsEmptied()
            throws IOException
    {
        Path a = input.resolve(TENANT).resolve("a.jsonl");
        ingest(List.of(a.toString()));
        // the same export again, without its sign-in of October
        Files.writeString(a, String.join("\n",
                graph("s1", "2022-09-01T10:00:00Z", "alice@contoso.com", "IMAP4", 0),
                graph("s2", "2022-09-02T11:00:00Z", "bob@contoso.com", "POP3", 50126)) + "\n", StandardCharsets.UTF_8);

        IngestResult again = ingest(List.of(a.toString()));

        assertThat(again.partitions()).containsExactly(
                "tenant_id=" + TENANT + "/month=2022-09",
                "tenant_id=" + TENANT + "/month=2022-10");
        assertThat(List.of(again.rowsRead(), again.rowsWritten(), again.duplicates())).containsExactly(2L, 2L, 0L);
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2");
        assertThat(Path.of(lake.signins(), "tenant_id=" + TENANT, "month=2022-10")).doesNotExist();
    }

    @Test
    void aFileWhoseRejectsCannotBeWrittenFailsItsTaskInsteadOfLosingThem()
            throws IOException
    {
        Path notAFolder = Files.writeString(work.resolve("rejected"), "");
        Path b = input.resolve(TENANT).resolve("b.jsonl");
        CollectionAccumulator<FileSummary> summaries = new CollectionAccumulator<>();
        FileParser parser = new FileParser(Map.of(), Optional.empty(), summaries, notAFolder.toString());

        Iterator<Row> rows = parser.call(List.of(RowFactory.create(b.toString(), TENANT, b.toString(), Files.size(b))).iterator());

        assertThatThrownBy(() -> rows.forEachRemaining(row -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot write the rejects of " + b + " to " + notAFolder + "/");
        assertThat(summaries.value()).isEmpty();
    }

    @Test
    void duckDbReadsTheLakeWithUtcTimestamps()
            throws SQLException
    {
        ingest(List.of(input.toString()));

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sign_in_id, CAST(created_at AT TIME ZONE 'UTC' AS VARCHAR), month, tenant_id "
                        + "FROM read_parquet('" + lake.signins() + "/**/*.parquet', hive_partitioning = true) ORDER BY sign_in_id")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4).equals(TENANT));
            }
            assertThat(values).containsExactly(
                    "s1 2022-09-01 10:00:00 2022-09 true",
                    "s2 2022-09-02 11:00:00 2022-09 true",
                    "s3 2022-10-01 04:30:00 2022-10 true",
                    "s4 2022-09-15 08:00:00 2022-09 true");
        }
    }

    private IngestResult ingest(List<String> paths)
    {
        InputDiscovery.Discovered discovered = InputDiscovery.discover(spark.sparkContext().hadoopConfiguration(), paths, Optional.of(TENANT));
        return IngestJob.forLake(spark, lake).inputs(discovered.files()).run();
    }

    private List<String> signIns()
    {
        return spark.read().schema(SignInSchema.TABLE).parquet(lake.signins())
                .orderBy(SignInSchema.MONTH, SignInSchema.SIGN_IN_ID)
                .collectAsList().stream()
                .map(row -> String.join("|",
                        row.<String>getAs(SignInSchema.MONTH),
                        row.<String>getAs(SignInSchema.SIGN_IN_ID),
                        row.<String>getAs(SignInSchema.USER_PRINCIPAL_NAME),
                        row.<String>getAs(SignInSchema.PROTOCOL),
                        String.valueOf(row.<Boolean>getAs(SignInSchema.SUCCEEDED)),
                        Path.of(row.<String>getAs(SignInSchema.SOURCE_FILE)).getFileName() + ":" + row.<Long>getAs(SignInSchema.SOURCE_LINE)))
                .toList();
    }

    private static String graph(String id, String created, String user, String clientApp, int errorCode)
    {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + created + "\",\"userPrincipalName\":\"" + user
                + "\",\"userId\":\"u-" + user.toLowerCase(java.util.Locale.ROOT) + "\",\"clientAppUsed\":\"" + clientApp
                + "\",\"appDisplayName\":\"Office 365 Exchange Online\",\"ipAddress\":\"203.0.113.7\",\"status\":{\"errorCode\":" + errorCode + "}}";
    }
}
