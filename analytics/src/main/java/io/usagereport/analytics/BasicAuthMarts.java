package io.usagereport.analytics;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
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
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

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
 * <p>Reads only the month's partitions (and the previous month's, for {@link MartSchemas#BASIC_AUTH_TREND}).
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
        context.setJobGroup(JOB_GROUP_PREFIX + analysed, "analyze " + analysed + ": Basic-auth marts", false);
        LOG.info("Analyzing {} of {}{}", analysed, lake.signins(), pseudonyms.isPresent() ? ", user names pseudonymised" : "");
        Dataset<Row> twoMonths = new SignInsReader(spark, lake, files)
                .read(List.of(analysed.minusMonths(1), analysed))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> thisMonth = twoMonths.where(SignInsReader.inMonth(analysed));
            context.setJobDescription("analyze " + analysed + ": read sign-ins");
            long signIns = thisMonth.count();
            MartWriter writer = new MartWriter(lake, files);
            Map<String, Long> rowCounts = new LinkedHashMap<>();
            Map<MartSchema, Function<Dataset<Row>, Dataset<Row>>> steps = new LinkedHashMap<>();
            steps.put(MartSchemas.BASIC_AUTH_BY_PROTOCOL, ProtocolUsage::aggregate);
            steps.put(MartSchemas.BASIC_AUTH_BY_USER, this::byUser);
            steps.put(MartSchemas.TENANT_SUMMARY, TenantSummary::aggregate);
            steps.put(MartSchemas.BASIC_AUTH_REPORT_LINES, ReportLines::aggregate);
            for (Map.Entry<MartSchema, Function<Dataset<Row>, Dataset<Row>>> step : steps.entrySet()) {
                MartSchema mart = step.getKey();
                context.setJobDescription("analyze " + analysed + ": " + mart.name());
                long rows = writer.write(mart, step.getValue().apply(thisMonth), analysed);
                rowCounts.put(mart.name(), rows);
                if (mart.equals(MartSchemas.BASIC_AUTH_BY_USER) && pseudonyms.isPresent() && rows > 0) {
                    // after the write: the dynamic overwrite replaces the whole month folder
                    files.createEmptyFile(UserPseudonyms.marker(lake, analysed));
                }
            }
            MartSchema trend = MartSchemas.BASIC_AUTH_TREND;
            context.setJobDescription("analyze " + analysed + ": " + trend.name() + " (with " + analysed.minusMonths(1) + ")");
            rowCounts.put(trend.name(), writer.write(trend, new MonthOverMonth(analysed).aggregate(twoMonths), analysed));
            MartsResult result = new MartsResult(analysed, signIns, rowCounts);
            LOG.info("Analyzed {}: {} sign-ins, rows per mart {} under {}/{}", analysed, signIns, rowCounts, lake.root(), LakeLayout.MARTS);
            return result;
        }
        finally {
            twoMonths.unpersist();
            context.setJobDescription(null);
            context.clearJobGroup();
        }
    }

    private Dataset<Row> byUser(Dataset<Row> signIns)
    {
        Dataset<Row> byUser = UserUsage.aggregate(signIns);
        if (pseudonyms.isEmpty()) {
            return byUser;
        }
        return pseudonyms.get().pseudonymizeUsers(spark, byUser);
    }
}
