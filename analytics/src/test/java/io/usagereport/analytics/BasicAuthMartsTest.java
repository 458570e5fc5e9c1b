package io.usagereport.analytics;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static io.usagereport.analytics.TestingLakes.AUGUST;
import static io.usagereport.analytics.TestingLakes.SEPTEMBER;
import static io.usagereport.analytics.TestingSignIns.T1;
import static io.usagereport.analytics.TestingSignIns.signIn;
import static io.usagereport.ingest.Protocol.IMAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthMartsTest
{
    private final SparkSession spark = TestingSpark.session();
    private final LakeLayout lake = TestingLakes.analyzedSample();

    @Test
    void byProtocolCountsSuccessfulUsersApartFromAttemptingUsers()
    {
        // tenant | protocol | requests | successful | failed | users | users_attempting | first_seen | last_seen
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_BY_PROTOCOL, SEPTEMBER)).containsExactly(
                "T1 | EAS | 1 | 1 | 0 | 1 | 1 | 2022-09-30T23:59:59Z | 2022-09-30T23:59:59Z",
                "T1 | IMAP | 4 | 2 | 2 | 1 | 2 | 2022-09-03T10:00:00Z | 2022-09-10T10:00:00Z",
                "T1 | MAPI | 2 | 1 | 1 | 1 | 2 | 2022-09-01T00:00:00Z | 2022-09-22T10:00:00Z",
                "T1 | OAB | 1 | 1 | 0 | 1 | 1 | 2022-09-21T10:00:00Z | 2022-09-21T10:00:00Z",
                "T1 | POP | 1 | 0 | 1 | 0 | 1 | 2022-09-07T10:00:00Z | 2022-09-07T10:00:00Z",
                "T1 | RPC | 1 | 1 | 0 | 1 | 1 | 2022-09-20T10:00:00Z | 2022-09-20T10:00:00Z",
                "T1 | SMTP_AUTH | 2 | 2 | 0 | 1 | 1 | 2022-09-11T10:00:00Z | 2022-09-12T10:00:00Z",
                "T2 | EWS | 1 | 1 | 0 | 1 | 1 | 2022-09-02T10:00:00Z | 2022-09-02T10:00:00Z",
                "T2 | REMOTE_POWERSHELL | 1 | 1 | 0 | 1 | 1 | 2022-09-03T10:00:00Z | 2022-09-03T10:00:00Z");
    }

    @Test
    void byUserKeepsOneRowPerUserAndProtocol()
    {
        // tenant | user | protocol | requests | successful | failed | first_seen | last_seen | distinct_ips | top_user_agent | display name
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER)).containsExactly(
                "T1 | alice@x.com | IMAP | 3 | 2 | 1 | 2022-09-03T10:00:00Z | 2022-09-05T10:00:00Z | 2 | Thunderbird | Alice L",
                "T1 | bob@x.com | IMAP | 1 | 0 | 1 | 2022-09-10T10:00:00Z | 2022-09-10T10:00:00Z | 0 | b-agent | null",
                "T1 | bob@x.com | SMTP_AUTH | 2 | 2 | 0 | 2022-09-11T10:00:00Z | 2022-09-12T10:00:00Z | 1 | alpha | null",
                "T1 | carol@x.com | MAPI | 1 | 1 | 0 | 2022-09-01T00:00:00Z | 2022-09-01T00:00:00Z | 0 | null | null",
                "T1 | carol@x.com | RPC | 1 | 1 | 0 | 2022-09-20T10:00:00Z | 2022-09-20T10:00:00Z | 0 | null | null",
                "T1 | dave@x.com | MAPI | 1 | 0 | 1 | 2022-09-22T10:00:00Z | 2022-09-22T10:00:00Z | 0 | null | null",
                "T1 | dave@x.com | OAB | 1 | 1 | 0 | 2022-09-21T10:00:00Z | 2022-09-21T10:00:00Z | 0 | null | null",
                "T1 | erin@x.com | EAS | 1 | 1 | 0 | 2022-09-30T23:59:59Z | 2022-09-30T23:59:59Z | 0 | null | null",
                "T1 | frank@x.com | POP | 1 | 0 | 1 | 2022-09-07T10:00:00Z | 2022-09-07T10:00:00Z | 0 | null | null",
                "T2 | ivan@y.com | EWS | 1 | 1 | 0 | 2022-09-02T10:00:00Z | 2022-09-02T10:00:00Z | 0 | null | null",
                "T2 | ivan@y.com | REMOTE_POWERSHELL | 1 | 1 | 0 | 2022-09-03T10:00:00Z | 2022-09-03T10:00:00Z | 0 | null | null");
    }

    @Test
    void tenantSummaryHasEveryTenantWithSignInsAlsoWithoutBasicAuth()
    {
        // tenant | sign_ins | basic_auth_requests | basic_auth_users | protocols_in_use
        assertThat(TestingMarts.lines(lake, MartSchemas.TENANT_SUMMARY, SEPTEMBER)).containsExactly(
                "T1 | 13 | 12 | 5 | [EAS, IMAP, MAPI, OAB, POP, RPC, SMTP_AUTH]",
                "T2 | 2 | 2 | 1 | [EWS, REMOTE_POWERSHELL]",
                "T3 | 1 | 0 | 0 | []");
    }

    @Test
    void reportLinesCountOutlookWindowsUsersOnceAcrossMapiRpcAndOab()
    {
        // tenant | line_number | report_line | protocols | users
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_REPORT_LINES, SEPTEMBER)).containsExactly(
                "T1 | 1 | EXCHANGE_ACTIVESYNC | [EAS] | 1",
                "T1 | 2 | POP | [POP] | 0",
                "T1 | 3 | IMAP | [IMAP] | 1",
                "T1 | 4 | OUTLOOK_WINDOWS | [MAPI, RPC, OAB] | 2",
                "T1 | 5 | OUTLOOK_MAC_EWS | [EWS] | 0",
                "T1 | 6 | REMOTE_POWERSHELL | [REMOTE_POWERSHELL] | 0",
                "T2 | 1 | EXCHANGE_ACTIVESYNC | [EAS] | 0",
                "T2 | 2 | POP | [POP] | 0",
                "T2 | 3 | IMAP | [IMAP] | 0",
                "T2 | 4 | OUTLOOK_WINDOWS | [MAPI, RPC, OAB] | 0",
                "T2 | 5 | OUTLOOK_MAC_EWS | [EWS] | 1",
                "T2 | 6 | REMOTE_POWERSHELL | [REMOTE_POWERSHELL] | 1",
                "T3 | 1 | EXCHANGE_ACTIVESYNC | [EAS] | 0",
                "T3 | 2 | POP | [POP] | 0",
                "T3 | 3 | IMAP | [IMAP] | 0",
                "T3 | 4 | OUTLOOK_WINDOWS | [MAPI, RPC, OAB] | 0",
                "T3 | 5 | OUTLOOK_MAC_EWS | [EWS] | 0",
                "T3 | 6 | REMOTE_POWERSHELL | [REMOTE_POWERSHELL] | 0");
    }

    @Test
    void trendComparesWithThePreviousMonthForTenantsWithSignInsThisMonth()
    {
        // tenant | protocol | users | users_previous_month | new_users | stopped_users | requests | requests_previous_month
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_TREND, SEPTEMBER)).containsExactly(
                "T1 | EAS | 1 | 0 | 1 | 0 | 1 | 0",
                "T1 | EWS | 0 | 1 | 0 | 1 | 0 | 1",
                "T1 | IMAP | 1 | 1 | 0 | 0 | 4 | 1",
                "T1 | MAPI | 1 | 0 | 1 | 0 | 2 | 0",
                "T1 | OAB | 1 | 0 | 1 | 0 | 1 | 0",
                "T1 | POP | 0 | 1 | 0 | 1 | 1 | 1",
                "T1 | RPC | 1 | 0 | 1 | 0 | 1 | 0",
                "T1 | SMTP_AUTH | 1 | 0 | 1 | 0 | 2 | 0",
                "T2 | EWS | 1 | 0 | 1 | 0 | 1 | 0",
                "T2 | REMOTE_POWERSHELL | 1 | 1 | 1 | 1 | 1 | 1");
    }

    @Test
    void marksOfAnotherMonthComeFromThatMonthOnly()
    {
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_BY_PROTOCOL, AUGUST)).containsExactly(
                "T1 | EWS | 1 | 1 | 0 | 1 | 1 | 2022-08-31T23:59:59Z | 2022-08-31T23:59:59Z",
                "T1 | IMAP | 1 | 1 | 0 | 1 | 1 | 2022-08-15T10:00:00Z | 2022-08-15T10:00:00Z",
                "T1 | POP | 1 | 1 | 0 | 1 | 1 | 2022-08-16T10:00:00Z | 2022-08-16T10:00:00Z",
                "T2 | REMOTE_POWERSHELL | 1 | 1 | 0 | 1 | 1 | 2022-08-03T10:00:00Z | 2022-08-03T10:00:00Z",
                "T4 | IMAP | 1 | 1 | 0 | 1 | 1 | 2022-08-09T10:00:00Z | 2022-08-09T10:00:00Z");
    }

    @Test
    void martsHaveTheirSchemaColumnsInOrder()
    {
        for (MartSchema mart : MartSchemas.ALL) {
            Dataset<Row> written = spark.read().parquet(lake.mart(mart.name()));
            assertThat(written.schema().fieldNames())
                    .as(mart.name())
                    .containsExactlyElementsOf(Arrays.asList(mart.table().fieldNames()));
            assertThat(written.schema().apply(MartSchemas.TENANT_ID).dataType()).isEqualTo(mart.table().apply(MartSchemas.TENANT_ID).dataType());
        }
    }

    @Test
    void rerunningAMonthGivesTheSameRowsAndLeavesOtherMonthsAlone()
            throws Exception
    {
        Map<String, List<String>> before = allSeptemberLines();
        Map<Path, FileTime> augustFiles = augustFiles();
        JobDescriptions jobs = new JobDescriptions();
        spark.sparkContext().addSparkListener(jobs);

        MartsResult result;
        try {
            result = BasicAuthMarts.forLake(spark, lake).month(SEPTEMBER).run();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        }
        finally {
            spark.sparkContext().removeSparkListener(jobs);
        }

        assertThat(result.month()).isEqualTo(SEPTEMBER);
        assertThat(result.signIns()).isEqualTo(16);
        assertThat(result.rowCounts()).containsExactly(
                Map.entry("basic_auth_by_protocol", 9L),
                Map.entry("basic_auth_by_user", 11L),
                Map.entry("tenant_summary", 3L),
                Map.entry("basic_auth_report_lines", 18L),
                Map.entry("basic_auth_trend", 10L));
        assertThat(allSeptemberLines()).isEqualTo(before);
        assertThat(augustFiles()).isEqualTo(augustFiles).isNotEmpty();
        assertThat(Files.list(Path.of(lake.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL.name()), "month=2022-09")).filter(path -> path.toString().endsWith(".parquet")))
                .hasSize(1);
        assertThat(jobs.groups).containsOnly("analyze-2022-09");
        // each mart's rows and the month's sign-ins are counted while the marts are written: no job of its own
        assertThat(jobs.descriptions).containsOnly(
                "analyze 2022-09: basic_auth_by_protocol",
                "analyze 2022-09: basic_auth_by_user",
                "analyze 2022-09: tenant_summary",
                "analyze 2022-09: basic_auth_report_lines",
                "analyze 2022-09: basic_auth_trend (with 2022-08)");
    }

    @Test
    void theUserRowsAreAggregatedBySortingAndTheSessionIsLeftAsItWas()
            throws TimeoutException
    {
        List<String> plans = executedPlans(() -> BasicAuthMarts.forLake(spark, lake).month(SEPTEMBER).run());

        assertThat(plans).anySatisfy(plan -> assertThat(plan).contains("SortAggregate(key=[tenant_id#"));
        assertThat(plans).noneSatisfy(plan -> assertThat(plan).contains("ObjectHashAggregate"));
        assertThat(spark.conf().contains(BasicAuthMarts.OBJECT_HASH_AGGREGATE)).isFalse();
    }

    @Test
    void theAggregateTheUserChoseStands()
            throws TimeoutException
    {
        spark.conf().set(BasicAuthMarts.OBJECT_HASH_AGGREGATE, true);
        List<String> plans;
        try {
            plans = executedPlans(() -> BasicAuthMarts.forLake(spark, lake).month(SEPTEMBER).run());
            assertThat(spark.conf().get(BasicAuthMarts.OBJECT_HASH_AGGREGATE)).isEqualTo("true");
        }
        finally {
            spark.conf().unset(BasicAuthMarts.OBJECT_HASH_AGGREGATE);
        }

        assertThat(plans).anySatisfy(plan -> assertThat(plan).contains("ObjectHashAggregate(keys=[tenant_id#"));
    }

    @Test
    void readsOnlyTheAnalysedMonthAndThePreviousOne()
    {
        Dataset<Row> signIns = new SignInsReader(spark, lake, new LakeFiles(spark)).read(List.of(AUGUST, SEPTEMBER));

        assertThat(signIns.inputFiles())
                .isNotEmpty()
                .allSatisfy(file -> assertThat(file).containsAnyOf("/month=2022-08/", "/month=2022-09/"));
        assertThat(signIns.queryExecution().executedPlan().toString())
                .containsPattern("PartitionFilters: \\[month#\\d+ IN \\(2022-08,2022-09\\)\\]");
    }

    @Test
    void monthWithoutSignInsGivesEmptyMartsAndRemovesEarlierOnes()
            throws IOException
    {
        LakeLayout emptyingLake = new LakeLayout(TestingLakes.temporaryFolder("emptying-lake").toString());
        TestingLakes.writeSignIns(emptyingLake, List.of(
                signIn().tenant(T1).user("alice@x.com").protocol(IMAP).at("2022-11-02T10:00:00Z").build()));
        YearMonth november = YearMonth.of(2022, 11);
        BasicAuthMarts marts = BasicAuthMarts.forLake(spark, emptyingLake).month(november);
        assertThat(marts.run().rows(MartSchemas.BASIC_AUTH_BY_PROTOCOL)).isEqualTo(1);

        TestingLakes.deleteRecursively(Path.of(emptyingLake.signins(), "tenant_id=" + T1, "month=2022-11"));
        MartsResult result = marts.run();

        assertThat(result.signIns()).isZero();
        assertThat(result.rowCounts().values()).containsOnly(0L).hasSize(5);
        for (MartSchema mart : MartSchemas.ALL) {
            assertThat(Path.of(emptyingLake.mart(mart.name()), "month=2022-11")).as(mart.name()).doesNotExist();
            assertThat(TestingMarts.read(emptyingLake, mart, november).count()).as(mart.name()).isZero();
        }
    }

    @Test
    void aRunRemovesTheJobFoldersOfAnAnalyzeKilledWhileWritingAMart()
            throws IOException
    {
        LakeLayout killedLake = new LakeLayout(TestingLakes.temporaryFolder("killed-lake").toString());
        TestingLakes.writeSignIns(killedLake, List.of(
                signIn().tenant(T1).user("alice@x.com").protocol(IMAP).at("2022-11-02T10:00:00Z").build()));
        // what a kill -9 during Spark's dynamic partition overwrite leaves: its job folder, the month not yet moved in
        Path mart = Path.of(killedLake.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL.name()));
        Path staged = Files.createDirectories(mart.resolve(".spark-staging-0f1e2d3c/month=2022-11"));
        Files.writeString(staged.resolve("part-00000-0f1e2d3c.c000.zstd.parquet"), "half written");
        Files.createDirectories(mart.resolve("_temporary/0/_temporary"));

        MartsResult result = BasicAuthMarts.forLake(spark, killedLake).month(YearMonth.of(2022, 11)).run();

        assertThat(result.rows(MartSchemas.BASIC_AUTH_BY_PROTOCOL)).isEqualTo(1);
        try (Stream<Path> children = Files.list(mart)) {
            assertThat(children.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".crc") && !name.equals("_SUCCESS")))
                    .containsExactly("month=2022-11");
        }
    }

    @Test
    void lakeWithoutSignInsIsAUsageError()
    {
        LakeLayout nowhere = new LakeLayout(TestingLakes.temporaryFolder("no-lake").resolve("missing").toString());

        assertThatThrownBy(() -> BasicAuthMarts.forLake(spark, nowhere).month(SEPTEMBER).run())
                .isInstanceOf(UsageReportException.class)
                .hasMessage("Cannot analyze 2022-09: no sign-ins table at " + nowhere.signins())
                .extracting(exception -> ((UsageReportException) exception).errorCode())
                .isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void monthIsRequired()
    {
        assertThatThrownBy(() -> BasicAuthMarts.forLake(spark, lake).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("month is not set");
    }

    /** The physical plans of the queries {@code action} ran, as Spark shows them once they have run. */
    private List<String> executedPlans(Runnable action)
            throws TimeoutException
    {
        List<String> plans = new CopyOnWriteArrayList<>();
        QueryExecutionListener listener = new QueryExecutionListener()
        {
            @Override
            public void onSuccess(String funcName, QueryExecution execution, long durationNs)
            {
                plans.add(execution.executedPlan().toString());
            }

            @Override
            public void onFailure(String funcName, QueryExecution execution, Exception exception) {}
        };
        spark.listenerManager().register(listener);
        try {
            action.run();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        }
        finally {
            spark.listenerManager().unregister(listener);
        }
        return plans;
    }

    /** The job group and description of every Spark job started while registered. */
    private static final class JobDescriptions
            extends SparkListener
    {
        private final Set<String> groups = ConcurrentHashMap.newKeySet();
        private final Set<String> descriptions = ConcurrentHashMap.newKeySet();

        @Override
        public void onJobStart(SparkListenerJobStart jobStart)
        {
            groups.add(String.valueOf(jobStart.properties().getProperty("spark.jobGroup.id")));
            descriptions.add(String.valueOf(jobStart.properties().getProperty("spark.job.description")));
        }
    }

    private Map<String, List<String>> allSeptemberLines()
    {
        Map<String, List<String>> lines = new TreeMap<>();
        for (MartSchema mart : MartSchemas.ALL) {
            lines.put(mart.name(), TestingMarts.lines(lake, mart, SEPTEMBER));
        }
        return lines;
    }

    private Map<Path, FileTime> augustFiles()
            throws IOException
    {
        Map<Path, FileTime> files = new TreeMap<>();
        for (MartSchema mart : MartSchemas.ALL) {
            try (Stream<Path> paths = Files.walk(Path.of(lake.mart(mart.name()), "month=2022-08"))) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(path, Files.getLastModifiedTime(path));
                }
            }
        }
        return files;
    }
}
