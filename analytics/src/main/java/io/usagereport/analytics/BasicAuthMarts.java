package io.usagereport.analytics;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code analyze} stage: aggregates one month of the lake's {@code signins} into the Basic-auth usage marts
 * ({@link MartSchemas#ALL}) under {@code LAKE/marts/<name>/month=<YYYY-MM>/}.
 *
 * <pre>{@code
 * MartsResult result = BasicAuthMarts.forLake(spark, new LakeLayout("/data/lake"))
 *         .month(YearMonth.of(2022, 9))
 *         .run();
 * }</pre>
 *
 * <p>Reads only the month's partitions (and the previous month's, for {@link MartSchemas#BASIC_AUTH_TREND}), each
 * once.
 * Re-running a month replaces exactly that month of every mart and leaves the other months alone. A month without
 * sign-ins is not an error: its marts are empty, i.e. any earlier {@code month=<YYYY-MM>} folder of each mart is
 * removed and none is written (the same holds for one mart alone, e.g. a month with sign-ins but no Basic auth has no
 * {@code basic_auth_by_protocol} folder). Each step shows in the Spark UI under the job group
 * {@code analyze-<YYYY-MM>}.
 *
 * <p>With {@link #pseudonymizeUsers(UserPseudonyms)}, {@link MartSchemas#BASIC_AUTH_BY_USER} holds pseudonyms instead
 * of user names and no display names, and its month folder is marked with {@value UserPseudonyms#MARKER}; the other
 * marts hold counts only and do not change.
 *
 * <p>Instances are immutable; the setters return a new instance.
 */
public final class BasicAuthMarts
{
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthMarts.class);
    private static final String JOB_GROUP_PREFIX = "analyze-";
    /**
     * Spark's choice between its object hash aggregate and the sort-based one for {@code mode()}. The hash aggregate
     * sorts anyway past 128 groups in a task, and in Spark 4.2 each group it starts builds the task's SQL settings
     * anew; the per-user rows have hundreds of thousands of groups, so {@code analyze} asks for the sort-based
     * aggregate (10 M sign-ins: the final aggregation 3.9 s instead of 7.7 s, peak memory 1.5 GB instead of 2.5 GB).
     */
    static final String OBJECT_HASH_AGGREGATE = "spark.sql.execution.useObjectHashAggregateExec";

    private final SparkSession spark;
    private final LakeLayout lake;
    private final Optional<YearMonth> month;
    private final Optional<UserPseudonyms> pseudonyms;

    private BasicAuthMarts(SparkSession spark, LakeLayout lake, Optional<YearMonth> month, Optional<UserPseudonyms> pseudonyms)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.month = requireNonNull(month, "month is null");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms is null");
    }

    public static BasicAuthMarts forLake(SparkSession spark, LakeLayout lake)
    {
        return new BasicAuthMarts(spark, lake, Optional.empty(), Optional.empty());
    }

    /** The month to analyse (required); its sign-ins are those in the {@code month=<YYYY-MM>} partitions (UTC). */
    public BasicAuthMarts month(YearMonth month)
    {
        return new BasicAuthMarts(spark, lake, Optional.of(requireNonNull(month, "month is null")), pseudonyms);
    }

    /**
     * Writes {@link MartSchemas#BASIC_AUTH_BY_USER} with each user name replaced by its pseudonym and display names
     * null (default: real names). Use the same key every month, or the same user gets a new pseudonym.
     */
    public BasicAuthMarts pseudonymizeUsers(UserPseudonyms pseudonyms)
    {
        return new BasicAuthMarts(spark, lake, month, Optional.of(requireNonNull(pseudonyms, "pseudonyms is null")));
    }

    /**
     * Computes and writes every mart for the month.
     *
     * @throws UsageReportException {@link ErrorCode#USAGE} when the lake has no {@code signins} table at all (a
     * wrong {@code --lake}), {@link ErrorCode#STORAGE} when the lake cannot be read or written
     */
    public MartsResult run()
    {
        YearMonth analysed = month.orElseThrow(() -> new IllegalStateException("month is not set"));
        LakeFiles files = new LakeFiles(spark);
        if (!files.exists(lake.signins())) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot analyze " + analysed + ": no sign-ins table at " + lake.signins());
        }
        SparkContext context = spark.sparkContext();
        // a value the user set (--conf) stands; otherwise the sort-based aggregate, for this stage only (a cached
        // plan is planned when it is cached, so before any read)
        boolean aggregateChosen = !spark.conf().contains(OBJECT_HASH_AGGREGATE);
        if (aggregateChosen) {
            spark.conf().set(OBJECT_HASH_AGGREGATE, false);
        }
        context.setJobGroup(JOB_GROUP_PREFIX + analysed, "analyze " + analysed + ": Basic-auth marts", false);
        try {
            return writeMarts(analysed, files, context);
        }
        finally {
            if (aggregateChosen) {
                spark.conf().unset(OBJECT_HASH_AGGREGATE);
            }
            context.setJobDescription(null);
            context.clearJobGroup();
        }
    }

    private MartsResult writeMarts(YearMonth analysed, LakeFiles files, SparkContext context)
    {
        LOG.info("Analyzing {} of {}{}", analysed, lake.signins(), pseudonyms.isPresent() ? ", user names pseudonymised" : "");
        SignInsReader reader = new SignInsReader(spark, lake, files);
        Dataset<Row> thisMonth = reader.read(List.of(analysed));
        // One pass over the month's sign-ins gives the per-user rows (the largest mart); every other Basic-auth
        // figure is counted from those, a few rows per user instead of every sign-in again.
        Dataset<Row> users = UserUsage.aggregate(thisMonth).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> tenants = TenantSummary.aggregate(thisMonth, users).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            MartWriter writer = new MartWriter(lake, files);
            Map<String, Long> rowCounts = new LinkedHashMap<>();
            // the month's sign-ins, added up while tenant_summary is written
            Observation monthTotal = new Observation();
            Map<MartSchema, Supplier<Dataset<Row>>> steps = Map.of(
                    MartSchemas.BASIC_AUTH_BY_PROTOCOL, () -> ProtocolUsage.aggregate(users),
                    MartSchemas.BASIC_AUTH_BY_USER, () -> pseudonyms.map(keyed -> keyed.pseudonymizeUsers(spark, users)).orElse(users),
                    MartSchemas.TENANT_SUMMARY, () -> tenants.observe(monthTotal, coalesce(sum(col(MartSchemas.SIGN_INS)), lit(0L)).as(MartSchemas.SIGN_INS)),
                    MartSchemas.BASIC_AUTH_REPORT_LINES, () -> ReportLines.aggregate(users, tenants),
                    MartSchemas.BASIC_AUTH_TREND, () -> MonthOverMonth.aggregate(users, reader.read(List.of(analysed.minusMonths(1))), tenants));
            for (MartSchema mart : MartSchemas.ALL) {
                context.setJobDescription("analyze " + analysed + ": " + mart.name()
                        + (mart == MartSchemas.BASIC_AUTH_TREND ? " (with " + analysed.minusMonths(1) + ")" : ""));
                long rows = writer.write(mart, steps.get(mart).get(), analysed);
                rowCounts.put(mart.name(), rows);
                if (mart.equals(MartSchemas.BASIC_AUTH_BY_USER) && pseudonyms.isPresent() && rows > 0) {
                    // after the write: the dynamic overwrite replaces the whole month folder
                    files.createEmptyFile(UserPseudonyms.marker(lake, analysed));
                }
            }
            long signIns = MartWriter.observed(monthTotal, MartSchemas.SIGN_INS);
            MartsResult result = new MartsResult(analysed, signIns, rowCounts);
            LOG.info("Analyzed {}: {} sign-ins, rows per mart {} under {}/{}", analysed, signIns, result.rowCounts(), lake.root(), LakeLayout.MARTS);
            return result;
        }
        finally {
            users.unpersist();
            tenants.unpersist();
        }
    }
}
