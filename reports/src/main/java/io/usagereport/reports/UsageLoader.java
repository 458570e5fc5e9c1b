package io.usagereport.reports;

import io.usagereport.analytics.LakeTables;
import io.usagereport.analytics.MartSchemas;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.LakePublisher;
import io.usagereport.ingest.ManifestSchema;
import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

/**
 * Loads what one month's reports are built from, for every tenant with sign-ins in that month: the marts of the
 * month, earlier months' {@code basic_auth_by_protocol} for the trend, and the ingest manifests and rejects for
 * the data-quality figures. Every read is limited to the months it needs.
 *
 * <p>Reports always name users: when the month's {@code basic_auth_by_user} was written with pseudonyms
 * ({@code analyze --pseudonymize-users}), the top users are aggregated again from that month's {@code signins}.
 */
public final class UsageLoader
{
    /** How many earlier months the trend shows. */
    public static final int HISTORY_MONTHS = 6;
    /** How many users per tenant and protocol are loaded, the busiest first; the report lists fewer. */
    public static final int TOP_USERS_PER_PROTOCOL = 10;

    private static final Logger LOG = LoggerFactory.getLogger(UsageLoader.class);
    private static final String RANK = "rank";

    private final SparkSession spark;
    private final LakeLayout lake;
    private final LakeTables tables;

    private UsageLoader(SparkSession spark, LakeLayout lake)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.tables = LakeTables.forLake(spark, lake);
    }

    public static UsageLoader forLake(SparkSession spark, LakeLayout lake)
    {
        return new UsageLoader(spark, lake);
    }

    /** One usage per tenant with any sign-in in {@code month}, sorted by tenant id; empty when the month has no marts. */
    public List<TenantMonthUsage> load(YearMonth month)
    {
        requireNonNull(month, "month is null");
        spark.sparkContext().setJobDescription("report: load the marts of " + month);

        Map<String, TenantMonthUsage.Builder> builders = new TreeMap<>();
        for (Row row : tables.mart(MartSchemas.TENANT_SUMMARY, month).select(MartSchemas.TENANT_ID, MartSchemas.SIGN_INS).collectAsList()) {
            builders.put(row.getString(0), TenantMonthUsage.builder(row.getString(0), month).signIns(row.getLong(1)));
        }
        if (builders.isEmpty()) {
            LOG.info("No tenant has sign-ins in {}", month);
            return List.of();
        }

        Map<String, long[]> trend = new HashMap<>();
        for (Row row : tables.mart(MartSchemas.BASIC_AUTH_TREND, month)
                .select(MartSchemas.TENANT_ID, MartSchemas.PROTOCOL, MartSchemas.NEW_USERS, MartSchemas.STOPPED_USERS).collectAsList()) {
            trend.put(row.getString(0) + "/" + row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
        }
        for (Row row : tables.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL, month)
                .select(MartSchemas.TENANT_ID, MartSchemas.PROTOCOL, MartSchemas.REQUESTS, MartSchemas.SUCCESSFUL_REQUESTS,
                        MartSchemas.FAILED_REQUESTS, MartSchemas.USERS, MartSchemas.USERS_ATTEMPTING)
                .collectAsList()) {
            long[] change = trend.getOrDefault(row.getString(0) + "/" + row.getString(1), new long[] {row.getLong(5), 0});
            builder(builders, row.getString(0)).ifPresent(builder -> builder.protocol(new ProtocolUsage(
                    Protocol.valueOf(row.getString(1)), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                    Math.min(change[0], row.getLong(5)), change[1])));
        }
        for (Row row : tables.mart(MartSchemas.BASIC_AUTH_REPORT_LINES, month)
                .select(MartSchemas.TENANT_ID, MartSchemas.LINE_NUMBER, MartSchemas.USERS).collectAsList()) {
            ReportLine line = ReportLine.values()[row.getInt(1) - 1];
            builder(builders, row.getString(0)).ifPresent(builder -> builder.reportLineUsers(line, row.getLong(2)));
        }
        loadTopUsers(month, builders);
        loadHistory(month, builders);
        loadDataQuality(month, builders);

        List<TenantMonthUsage> usages = new ArrayList<>();
        builders.values().forEach(builder -> usages.add(builder.build()));
        return List.copyOf(usages);
    }

    /** The busiest users by real name: from the signins when the month's basic_auth_by_user holds pseudonyms. */
    private void loadTopUsers(YearMonth month, Map<String, TenantMonthUsage.Builder> builders)
    {
        Dataset<Row> users = tables.usersWithNames(month)
                .withColumn(RANK, row_number().over(Window.partitionBy(MartSchemas.TENANT_ID, MartSchemas.PROTOCOL)
                        .orderBy(col(MartSchemas.REQUESTS).desc(), col(MartSchemas.USER_PRINCIPAL_NAME))))
                .where(col(RANK).leq(TOP_USERS_PER_PROTOCOL))
                .select(MartSchemas.TENANT_ID, MartSchemas.USER_PRINCIPAL_NAME, MartSchemas.USER_DISPLAY_NAME, MartSchemas.PROTOCOL,
                        MartSchemas.REQUESTS, MartSchemas.SUCCESSFUL_REQUESTS, MartSchemas.FAILED_REQUESTS,
                        MartSchemas.TOP_USER_AGENT, MartSchemas.DISTINCT_IPS);
        for (Row row : users.collectAsList()) {
            builder(builders, row.getString(0)).ifPresent(builder -> builder.topUser(new UserUsage(
                    row.getString(1), Optional.ofNullable(row.getString(2)), Protocol.valueOf(row.getString(3)),
                    row.getLong(4), row.getLong(5), row.getLong(6), Optional.ofNullable(row.getString(7)), row.getLong(8))));
        }
    }

    private void loadHistory(YearMonth month, Map<String, TenantMonthUsage.Builder> builders)
    {
        Dataset<Row> protocols = null;
        Dataset<Row> summaries = null;
        for (int back = 1; back <= HISTORY_MONTHS; back++) {
            YearMonth earlier = month.minusMonths(back);
            protocols = union(protocols, tables.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL, earlier)
                    .select(MartSchemas.TENANT_ID, MartSchemas.MONTH, MartSchemas.PROTOCOL, MartSchemas.USERS, MartSchemas.REQUESTS));
            summaries = union(summaries, tables.mart(MartSchemas.TENANT_SUMMARY, earlier)
                    .select(col(MartSchemas.TENANT_ID), col(MartSchemas.MONTH), lit(null).cast("string").as(MartSchemas.PROTOCOL),
                            lit(0L).as(MartSchemas.USERS), lit(0L).as(MartSchemas.REQUESTS)));
        }
        Map<String, TreeSet<YearMonth>> monthsWithUse = new HashMap<>();
        List<Row> rows = protocols.unionByName(summaries).collectAsList();
        for (Row row : rows) {
            if (row.isNullAt(2)) {
                continue;
            }
            YearMonth earlier = YearMonth.parse(row.getString(1));
            monthsWithUse.computeIfAbsent(row.getString(0), tenant -> new TreeSet<>()).add(earlier);
            builder(builders, row.getString(0)).ifPresent(builder -> builder.history(
                    new MonthlyUsers(earlier, Protocol.valueOf(row.getString(2)), row.getLong(3), row.getLong(4))));
        }
        // a month with sign-ins but no Basic auth is a month of zero use, which the model marks with one zero row
        for (Row row : rows) {
            YearMonth earlier = YearMonth.parse(row.getString(1));
            if (row.isNullAt(2) && !monthsWithUse.getOrDefault(row.getString(0), new TreeSet<>()).contains(earlier)) {
                builder(builders, row.getString(0)).ifPresent(builder -> builder.history(new MonthlyUsers(earlier, Protocol.EAS, 0, 0)));
            }
        }
    }

    private void loadDataQuality(YearMonth month, Map<String, TenantMonthUsage.Builder> builders)
    {
        Map<String, long[]> counts = new HashMap<>();
        LakePublisher files = new LakePublisher(spark.sparkContext().hadoopConfiguration(), lake.root());
        if (files.exists(LakeLayout.MANIFESTS)) {
            // One small-file scan, not one per figure: a manifest holds a few rows per input file, so the rows of the
            // month and the rows of rejects (no month) are few enough to add up here.
            Map<String, Long> rejectedPerFile = new HashMap<>();
            Set<String> filesOfMonth = new HashSet<>();
            for (Row row : spark.read().schema(ManifestSchema.MANIFEST).parquet(lake.manifests())
                    .where(col(SignInSchema.MONTH).equalTo(month.toString()).or(col(SignInSchema.MONTH).isNull()))
                    .select(col(SignInSchema.TENANT_ID), col(ManifestSchema.SOURCE_KEY), col(SignInSchema.MONTH),
                            col(ManifestSchema.ROWS_READ), col(ManifestSchema.DUPLICATES), col(ManifestSchema.REJECTED))
                    .collectAsList()) {
                String file = row.getString(0) + "/" + row.getString(1);
                if (row.isNullAt(2)) {
                    rejectedPerFile.merge(file, row.getLong(5), Long::sum);
                    continue;
                }
                filesOfMonth.add(file);
                long[] tenant = counts.computeIfAbsent(row.getString(0), key -> new long[3]);
                tenant[0] += row.getLong(3);
                tenant[1] += row.getLong(4);
            }
            // rejected records carry no trustworthy time: count those of the files that fed the month
            rejectedPerFile.forEach((file, rejected) -> {
                if (filesOfMonth.contains(file)) {
                    long[] tenant = counts.computeIfAbsent(file.substring(0, file.indexOf('/')), key -> new long[3]);
                    tenant[2] += rejected;
                    tenant[0] += rejected;
                }
            });
        }
        Map<String, TreeSet<Integer>> days = new HashMap<>();
        if (files.exists(LakeLayout.SIGNINS)) {
            for (Row row : spark.read().schema(SignInSchema.TABLE).parquet(lake.signins())
                    .where(col(SignInSchema.MONTH).equalTo(month.toString()))
                    .select(col(SignInSchema.TENANT_ID), dayofmonth(col(SignInSchema.CREATED_AT)).as("day"))
                    .distinct()
                    .collectAsList()) {
                days.computeIfAbsent(row.getString(0), tenant -> new TreeSet<>()).add(row.getInt(1));
            }
        }
        builders.forEach((tenant, builder) -> {
            long[] tenantCounts = counts.getOrDefault(tenant, new long[3]);
            TreeSet<Integer> withData = days.getOrDefault(tenant, new TreeSet<>());
            List<LocalDate> without = new ArrayList<>();
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                if (!withData.contains(day)) {
                    without.add(month.atDay(day));
                }
            }
            builder.dataQuality(new DataQuality(tenantCounts[0], tenantCounts[2], tenantCounts[1], without));
        });
    }

    private static Dataset<Row> union(Dataset<Row> left, Dataset<Row> right)
    {
        return left == null ? right : left.unionByName(right);
    }

    private static Optional<TenantMonthUsage.Builder> builder(Map<String, TenantMonthUsage.Builder> builders, String tenantId)
    {
        return Optional.ofNullable(builders.get(tenantId));
    }
}
