package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

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
    void theParseTasksDeduplicateUnlessOneTenantWouldOutweighACoresShareAndTheLargestFile()
    {
        InputFile a1 = new InputFile("/e/a/1.csv", "a", "/e/a/1.csv", 10);
        InputFile a2 = new InputFile("/e/a/2.csv", "a", "/e/a/2.csv", 10);
        InputFile b1 = new InputFile("/e/b/1.csv", "b", "/e/b/1.csv", 20);
        InputFile big = new InputFile("/e/a/big.csv", "a", "/e/a/big.csv", 100);
        InputFile small = new InputFile("/e/b/small.csv", "b", "/e/b/small.csv", 1);

        assertThat(IngestJob.deduplicationFor(List.of(), 2)).isEqualTo(FileParser.Deduplication.IN_TASK);
        // two tenants of 20 bytes on two cores
        assertThat(IngestJob.deduplicationFor(List.of(a1, a2, b1), 2)).isEqualTo(FileParser.Deduplication.IN_TASK);
        // one tenant of two files: file by file, both cores would parse
        assertThat(IngestJob.deduplicationFor(List.of(a1, a2), 2)).isEqualTo(FileParser.Deduplication.AFTER_PARSE);
        assertThat(IngestJob.deduplicationFor(List.of(a1, a2), 1)).isEqualTo(FileParser.Deduplication.IN_TASK);
        // a tenant of 25 bytes in 40 on two cores is a quarter over a core's share, one of 26 more
        InputFile b15 = new InputFile("/e/b/15.csv", "b", "/e/b/15.csv", 15);
        InputFile a5 = new InputFile("/e/a/5.csv", "a", "/e/a/5.csv", 5);
        InputFile b14 = new InputFile("/e/b/14.csv", "b", "/e/b/14.csv", 14);
        InputFile a6 = new InputFile("/e/a/6.csv", "a", "/e/a/6.csv", 6);
        assertThat(IngestJob.deduplicationFor(List.of(a1, a2, a5, b15), 2)).isEqualTo(FileParser.Deduplication.IN_TASK);
        assertThat(IngestJob.deduplicationFor(List.of(a1, a2, a6, b14), 2)).isEqualTo(FileParser.Deduplication.AFTER_PARSE);
        // one file outweighs the rest either way
        assertThat(IngestJob.deduplicationFor(List.of(big, small), 2)).isEqualTo(FileParser.Deduplication.IN_TASK);
        assertThat(IngestJob.deduplicationFor(List.of(big, a1, small), 2)).isEqualTo(FileParser.Deduplication.AFTER_PARSE);
        // a tenant of more sign-ins than a task keeps track of, at 500 bytes a sign-in
        long most = IngestJob.MAX_SIGN_INS_IN_TASK * IngestJob.MIN_BYTES_PER_SIGN_IN;
        assertThat(IngestJob.deduplicationFor(List.of(new InputFile("/e/a/1.csv", "a", "/e/a/1.csv", most + 499)), 1))
                .isEqualTo(FileParser.Deduplication.IN_TASK);
        assertThat(IngestJob.deduplicationFor(List.of(new InputFile("/e/a/1.csv", "a", "/e/a/1.csv", most + 500)), 1))
                .isEqualTo(FileParser.Deduplication.AFTER_PARSE);
    }

    @ParameterizedTest
    @EnumSource(FileParser.Deduplication.class)
    void ofTheCopiesOfASignInTheFirstFileByNameThenTheFirstLineIsKeptForEachTenant(FileParser.Deduplication deduplication)
            throws IOException
    {
        String other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Path tenant = Files.createDirectories(input.resolve(other));
        // the same ids as the first tenant's: another tenant's sign-ins, kept
        Files.writeString(tenant.resolve("b.jsonl"), String.join("\n",
                graph("s2", "2022-09-02T11:00:00Z", "frank@fabrikam.com", "IMAP4", 0),
                graph("s6", "2022-09-05T11:00:00Z", "grace@fabrikam.com", "IMAP4", 0),
                graph("s6", "2022-09-05T11:00:00Z", "heidi@fabrikam.com", "IMAP4", 0)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tenant.resolve("a.jsonl"), String.join("\n",
                graph("s7", "2022-09-06T11:00:00Z", "ivan@fabrikam.com", "POP3", 0),
                graph("s6", "2022-09-05T11:00:00Z", "judy@fabrikam.com", "IMAP4", 0)) + "\n", StandardCharsets.UTF_8);
        List<InputFile> inputs = InputDiscovery.discover(spark.sparkContext().hadoopConfiguration(), List.of(input.toString()), Optional.empty()).files();

        IngestResult result = IngestJob.forLake(spark, lake).inputs(inputs).deduplication(deduplication).run();

        assertThat(List.of(result.rowsRead(), result.rowsWritten(), result.duplicates(), result.rejected())).containsExactly(11L, 7L, 3L, 1L);
        assertThat(spark.read().schema(SignInSchema.TABLE).parquet(lake.signins())
                .where(org.apache.spark.sql.functions.col(SignInSchema.TENANT_ID).equalTo(other))
                .orderBy(SignInSchema.SIGN_IN_ID)
                .collectAsList().stream()
                .map(row -> row.<String>getAs(SignInSchema.SIGN_IN_ID) + "|" + row.<String>getAs(SignInSchema.USER_PRINCIPAL_NAME) + "|"
                        + Path.of(row.<String>getAs(SignInSchema.SOURCE_FILE)).getFileName() + ":" + row.<Long>getAs(SignInSchema.SOURCE_LINE))
                .toList())
                .containsExactly(
                        "s2|frank@fabrikam.com|b.jsonl:1",
                        "s6|judy@fabrikam.com|a.jsonl:2",
                        "s7|ivan@fabrikam.com|a.jsonl:1");
    }

    @Test
    void aParseTaskThatDeduplicatesForgetsATenantsSignInsWhenItGoesOnToTheNext()
    {
        String other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Path a = input.resolve(TENANT).resolve("a.jsonl");
        Path b = input.resolve(TENANT).resolve("b.jsonl");
        CollectionAccumulator<FileSummary> summaries = new CollectionAccumulator<>();
        FileParser parser = new FileParser(Map.of(), Optional.empty(), summaries, work.resolve("rejected").toString(), FileParser.Deduplication.IN_TASK, FileParser.LakeMonths.none());

        List<String> rows = new ArrayList<>();
        parser.call(List.of(
                        RowFactory.create(a.toString(), TENANT, a.toString(), 1L),
                        RowFactory.create(b.toString(), TENANT, b.toString(), 1L),
                        // the same file as another tenant's: its sign-ins are that tenant's
                        RowFactory.create(a.toString(), other, a.toString(), 1L)).iterator())
                .forEachRemaining(row -> rows.add((row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.TENANT_ID)).equals(TENANT) ? "" : "other ")
                        + row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.SIGN_IN_ID)) + " "
                        + Path.of(row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.SOURCE_FILE))).getFileName()));

        assertThat(rows).containsExactly("s1 a.jsonl", "s2 a.jsonl", "s3 a.jsonl", "s4 b.jsonl", "other s1 a.jsonl", "other s2 a.jsonl", "other s3 a.jsonl");
        // every row counts as read: those not given are the file's duplicates and rejects
        assertThat(summaries.value()).extracting(summary -> summary.signInsPerMonth().values().stream().mapToLong(Long::longValue).sum() + summary.rejected())
                .containsExactly(3L, 3L, 3L);
    }

    /**
     * The lake's September holds s1 and s2: a task may hold two of its sign-ins for a tenant, so it leaves s2 out; if
     * it may hold one, it gives s2 and leaves the month to the job. Another tenant's sign-ins are its own.
     */
    @ParameterizedTest
    @CsvSource({"2, 's4 b.jsonl|other s2 b.jsonl|other s4 b.jsonl', tenant_id=" + TENANT + "/month=2022-09",
            "1, 's2 b.jsonl|s4 b.jsonl|other s2 b.jsonl|other s4 b.jsonl', ''"})
    void aParseTaskLeavesOutTheSignInsThatTheLakeHasInTheMonthsItIsGivenWithinItsLimit(long mostSignInsPerTenant, String given, String read)
    {
        String other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        septemberFromA();
        Path b = input.resolve(TENANT).resolve("b.jsonl");
        CollectionAccumulator<String> lakeMonthsRead = new CollectionAccumulator<>();
        FileParser.LakeMonths lakeMonths = new FileParser.LakeMonths(lake.signins(),
                java.util.Set.of(SignInSchema.partition(TENANT, "2022-09"), SignInSchema.partition(TENANT, "2022-10")), mostSignInsPerTenant, lakeMonthsRead);
        CollectionAccumulator<FileSummary> summaries = new CollectionAccumulator<>();
        FileParser parser = new FileParser(Map.of(), Optional.empty(), summaries, work.resolve("rejected").toString(), FileParser.Deduplication.IN_TASK,
                lakeMonths);

        List<String> rows = new ArrayList<>();
        parser.call(List.of(
                        RowFactory.create(b.toString(), TENANT, b.toString(), 1L),
                        RowFactory.create(b.toString(), other, b.toString(), 1L)).iterator())
                .forEachRemaining(row -> rows.add((row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.TENANT_ID)).equals(TENANT) ? "" : "other ")
                        + row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.SIGN_IN_ID)) + " "
                        + Path.of(row.getString(SignInSchema.TABLE.fieldIndex(SignInSchema.SOURCE_FILE))).getFileName()));

        assertThat(String.join("|", rows)).isEqualTo(given);
        // October is in the lake too, but no row of b.jsonl falls in it: it is not read
        assertThat(String.join("|", lakeMonthsRead.value())).isEqualTo(read);
    }

    @ParameterizedTest
    @EnumSource(FileParser.Deduplication.class)
    void writesEachSignInOnceInTheMonthOfItsUtcTimeAndAccountsForEveryRecord(FileParser.Deduplication deduplication)
    {
        IngestResult result = ingest(List.of(input.toString()), deduplication);

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

    @ParameterizedTest
    @EnumSource(FileParser.Deduplication.class)
    void ingestingTheSameFilesAgainChangesNothing(FileParser.Deduplication deduplication)
    {
        ingest(List.of(input.toString()), deduplication);
        List<String> first = signIns();

        IngestResult again = ingest(List.of(input.toString()), deduplication);

        assertThat(signIns()).isEqualTo(first);
        assertThat(again.rowsWritten()).isEqualTo(4);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(spark.read().parquet(lake.rejects()).count()).isEqualTo(1);
        assertThat(spark.read().parquet(lake.manifests()).count()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(FileParser.Deduplication.class)
    void ingestingOneFileLaterKeepsWhatOtherFilesGaveTheSameMonth(FileParser.Deduplication deduplication)
    {
        ingest(List.of(input.resolve(TENANT).resolve("a.jsonl").toString()), deduplication);

        IngestResult later = ingest(List.of(input.resolve(TENANT).resolve("b.jsonl").toString()), deduplication);

        assertThat(later.files().get(0).duplicates()).isEqualTo(1);
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2",
                "2022-09|s4|carol@contoso.com|SMTP_AUTH|true|b.jsonl:2",
                "2022-10|s3|alice@contoso.com|EAS|true|a.jsonl:3");
    }

    @ParameterizedTest
    @EnumSource(FileParser.Deduplication.class)
    void aMonthThatAFileReadAgainNoLongerFeedsIsEmptied(FileParser.Deduplication deduplication)
            throws IOException
    {
        Path a = input.resolve(TENANT).resolve("a.jsonl");
        ingest(List.of(a.toString()), deduplication);
        // the same export again, without its sign-in of October
        Files.writeString(a, String.join("\n",
                graph("s1", "2022-09-01T10:00:00Z", "alice@contoso.com", "IMAP4", 0),
                graph("s2", "2022-09-02T11:00:00Z", "bob@contoso.com", "POP3", 50126)) + "\n", StandardCharsets.UTF_8);

        IngestResult again = ingest(List.of(a.toString()), deduplication);

        assertThat(again.partitions()).containsExactly(
                "tenant_id=" + TENANT + "/month=2022-09",
                "tenant_id=" + TENANT + "/month=2022-10");
        assertThat(List.of(again.rowsRead(), again.rowsWritten(), again.duplicates())).containsExactly(2L, 2L, 0L);
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2");
        assertThat(Path.of(lake.signins(), "tenant_id=" + TENANT, "month=2022-10")).doesNotExist();
    }

    /**
     * The lake's sign-ins left out by the parse task (its limit is above the month's two), or else by the job: sent to
     * every task (the broadcast limit is above one) or after a shuffle (zero).
     */
    @ParameterizedTest
    @CsvSource({"2, 0", "1, " + IngestJob.MAX_KNOWN_SIGN_INS_TO_BROADCAST, "0, 0"})
    void aMonthFedByAnotherFileKeepsItsFilesAndGainsOneWithTheNewSignInsOnly(long maxLakeSignInsInTask, long maxKnownSignInsToBroadcast)
            throws IOException
    {
        Path september = septemberFromA();
        Map<String, String> before = parquetFiles(september);

        // b.jsonl: s2 again (a duplicate), s4 new, one reject
        IngestResult later = IngestJob.forLake(spark, lake)
                .inputs(discover(List.of(input.resolve(TENANT).resolve("b.jsonl").toString())))
                .maxLakeSignInsInTask(maxLakeSignInsInTask)
                .maxKnownSignInsToBroadcast(maxKnownSignInsToBroadcast)
                .run();

        Map<String, String> after = parquetFiles(september);
        assertThat(before).hasSize(1);
        assertThat(after).hasSize(2).containsAllEntriesOf(before);
        String added = after.keySet().stream().filter(name -> !before.containsKey(name)).findFirst().orElseThrow();
        assertThat(spark.read().schema(SignInSchema.TABLE).parquet(september.resolve(added).toString())
                .select(SignInSchema.SIGN_IN_ID).collectAsList())
                .extracting(row -> row.getString(0))
                .containsExactly("s4");
        assertThat(later.files()).extracting(file -> List.of(file.rowsRead(), file.rowsWritten(), file.duplicates(), file.rejected()))
                .containsExactly(List.of(3L, 1L, 1L, 1L));
        assertThat(later.partitions()).containsExactly("tenant_id=" + TENANT + "/month=2022-09");
    }

    @Test
    void aMonthFedByAFileOfNewSignInsOnlyGainsTheFileTheRunStaged()
            throws IOException
    {
        Path september = septemberFromA();
        Map<String, String> before = parquetFiles(september);
        Path fresh = Files.writeString(input.resolve(TENANT).resolve("d.jsonl"), String.join("\n",
                graph("s8", "2022-09-20T10:00:00Z", "erin@contoso.com", "IMAP4", 0),
                graph("s9", "2022-09-21T10:00:00Z", "erin@contoso.com", "IMAP4", 0)) + "\n", StandardCharsets.UTF_8);

        IngestResult later = ingest(List.of(fresh.toString()));

        assertThat(List.of(later.rowsRead(), later.rowsWritten(), later.duplicates(), later.rejected())).containsExactly(2L, 2L, 0L, 0L);
        Map<String, String> after = parquetFiles(september);
        assertThat(after).hasSize(2).containsAllEntriesOf(before);
        assertThat(signIns()).containsExactly(
                "2022-09|s1|alice@contoso.com|IMAP|true|a.jsonl:1",
                "2022-09|s2|bob@contoso.com|POP|false|a.jsonl:2",
                "2022-09|s8|erin@contoso.com|IMAP|true|d.jsonl:1",
                "2022-09|s9|erin@contoso.com|IMAP|true|d.jsonl:2",
                "2022-10|s3|alice@contoso.com|EAS|true|a.jsonl:3");
    }

    @Test
    void aFileOfSignInsTheLakeHasAlreadyLeavesTheirMonthAsItIs()
            throws IOException
    {
        Path september = septemberFromA();
        Map<String, String> before = parquetFiles(september);
        List<String> rows = signIns();
        Path copies = Files.writeString(input.resolve(TENANT).resolve("c.jsonl"), String.join("\n",
                graph("s2", "2022-09-02T11:00:00Z", "bob@contoso.com", "POP3", 50126),
                graph("s1", "2022-09-01T10:00:00Z", "alice@contoso.com", "IMAP4", 0)) + "\n", StandardCharsets.UTF_8);

        IngestResult later = ingest(List.of(copies.toString()));

        assertThat(List.of(later.rowsRead(), later.rowsWritten(), later.duplicates(), later.rejected())).containsExactly(2L, 0L, 2L, 0L);
        assertThat(parquetFiles(september)).isEqualTo(before);
        assertThat(signIns()).isEqualTo(rows);
    }

    @Test
    void oneRunRewritesTheMonthsOfAFileReadAgainAndExtendsTheOthers()
            throws IOException
    {
        String other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Path otherTenant = Files.createDirectories(input.resolve(other));
        Path a = input.resolve(TENANT).resolve("a.jsonl");
        Path first = Files.writeString(otherTenant.resolve("first.jsonl"),
                graph("o1", "2022-09-03T09:00:00Z", "frank@fabrikam.com", "IMAP4", 0) + "\n", StandardCharsets.UTF_8);
        ingestTenants(List.of(a.toString(), first.toString()));
        Path otherSeptember = Path.of(lake.signins(), "tenant_id=" + other, "month=2022-09");
        Map<String, String> before = parquetFiles(otherSeptember);
        // a.jsonl again without s2; the other tenant's next file repeats o1 and adds o2
        Files.writeString(a, String.join("\n",
                graph("s1", "2022-09-01T10:00:00Z", "alice@contoso.com", "IMAP4", 0),
                graph("s3", "2022-09-30T23:30:00-05:00", "Alice@Contoso.com", "Exchange ActiveSync", 0)) + "\n", StandardCharsets.UTF_8);
        Path second = Files.writeString(otherTenant.resolve("second.jsonl"), String.join("\n",
                graph("o1", "2022-09-03T09:00:00Z", "frank@fabrikam.com", "IMAP4", 0),
                graph("o2", "2022-09-04T09:00:00Z", "grace@fabrikam.com", "POP3", 0)) + "\n", StandardCharsets.UTF_8);

        IngestResult later = ingestTenants(List.of(a.toString(), second.toString()));

        assertThat(later.files()).extracting(file -> List.of(Path.of(file.sourceFile()).getFileName().toString(),
                        file.rowsRead(), file.rowsWritten(), file.duplicates(), file.rejected()))
                .containsExactlyInAnyOrder(List.of("a.jsonl", 2L, 2L, 0L, 0L), List.of("second.jsonl", 2L, 1L, 1L, 0L));
        assertThat(spark.read().schema(SignInSchema.TABLE).parquet(lake.signins())
                .orderBy(SignInSchema.TENANT_ID, SignInSchema.MONTH, SignInSchema.SIGN_IN_ID)
                .collectAsList().stream()
                .map(row -> String.join("|", row.<String>getAs(SignInSchema.TENANT_ID).substring(0, 4), row.<String>getAs(SignInSchema.MONTH),
                        row.<String>getAs(SignInSchema.SIGN_IN_ID), Path.of(row.<String>getAs(SignInSchema.SOURCE_FILE)).getFileName().toString()))
                .toList())
                .containsExactly(
                        "0f4a|2022-09|s1|a.jsonl",
                        "0f4a|2022-10|s3|a.jsonl",
                        "7c9e|2022-09|o1|first.jsonl",
                        "7c9e|2022-09|o2|second.jsonl");
        assertThat(parquetFiles(otherSeptember)).hasSize(2).containsAllEntriesOf(before);
    }

    @Test
    void aFileWhoseRejectsCannotBeWrittenFailsItsTaskInsteadOfLosingThem()
            throws IOException
    {
        Path notAFolder = Files.writeString(work.resolve("rejected"), "");
        Path b = input.resolve(TENANT).resolve("b.jsonl");
        CollectionAccumulator<FileSummary> summaries = new CollectionAccumulator<>();
        FileParser parser = new FileParser(Map.of(), Optional.empty(), summaries, notAFolder.toString(), FileParser.Deduplication.AFTER_PARSE, FileParser.LakeMonths.none());

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
        return IngestJob.forLake(spark, lake).inputs(discover(paths)).run();
    }

    private IngestResult ingest(List<String> paths, FileParser.Deduplication deduplication)
    {
        return IngestJob.forLake(spark, lake).inputs(discover(paths)).deduplication(deduplication).run();
    }

    /** Ingests files of several tenants, each found by its folder's name. */
    private IngestResult ingestTenants(List<String> paths)
    {
        return IngestJob.forLake(spark, lake)
                .inputs(InputDiscovery.discover(spark.sparkContext().hadoopConfiguration(), paths, Optional.empty()).files())
                .run();
    }

    /** Ingests a.jsonl alone into the empty lake; its September partition's folder. */
    private Path septemberFromA()
    {
        ingest(List.of(input.resolve(TENANT).resolve("a.jsonl").toString()));
        return Path.of(lake.signins(), "tenant_id=" + TENANT, "month=2022-09");
    }

    /** A partition folder's Parquet files: each name with a digest of its bytes. */
    private static Map<String, String> parquetFiles(Path folder)
            throws IOException
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(path -> path.getFileName().toString().endsWith(".parquet")).toList()) {
                files.put(file.getFileName().toString(), Integer.toHexString(Arrays.hashCode(Files.readAllBytes(file))));
            }
        }
        return files;
    }

    private List<InputFile> discover(List<String> paths)
    {
        return InputDiscovery.discover(spark.sparkContext().hadoopConfiguration(), paths, Optional.of(TENANT)).files();
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
