package io.usagereport.cli;

import io.usagereport.analytics.BasicAuthMarts;
import io.usagereport.analytics.MartSchemas;
import io.usagereport.analytics.MartsResult;
import io.usagereport.analytics.UserPseudonyms;
import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ReportResult;
import io.usagereport.reports.ReportWriter;
import io.usagereport.reports.TenantMonthUsage;
import io.usagereport.reports.UsageLoader;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stages as the commands run them, with what they print and how their file-system failures read.
 */
final class Stages
{
    private Stages() {}

    static IngestCommand.Ingestion ingest(SparkSession spark, IngestCommand.InputOptions inputs, LakeLayout lake)
    {
        return onStorage(spark, "write the lake " + lake.root(), () -> IngestCommand.Ingestion.run(spark, inputs, lake));
    }

    static MartsResult analyze(SparkSession spark, LakeLayout lake, YearMonth month, Optional<UserPseudonyms> pseudonyms, PrintWriter out)
    {
        BasicAuthMarts marts = pseudonyms.map(keyed -> BasicAuthMarts.forLake(spark, lake).month(month).pseudonymizeUsers(keyed))
                .orElseGet(() -> BasicAuthMarts.forLake(spark, lake).month(month));
        MartsResult result = onStorage(spark, "write the marts in " + lake.root() + "/marts", marts::run);
        out.printf("Analyzed %s: %,d sign-ins%n", month, result.signIns());
        result.rowCounts().forEach((mart, rows) -> out.printf("  %-26s %,9d rows  %s%n", mart, rows, lake.mart(mart) + "/month=" + month));
        if (pseudonyms.isPresent()) {
            out.printf("  %s: user names pseudonymised%n", MartSchemas.BASIC_AUTH_BY_USER.name());
        }
        return result;
    }

    static ReportResult report(SparkSession spark, LakeLayout lake, YearMonth month, Path output, ReportOptions options, PrintWriter out)
    {
        ReportWriter.Builder writer = ReportWriter.builder(output)
                .tenants(options.tenantDirectory())
                .locale(options.locale)
                .charts(options.charts);
        options.asOf().ifPresent(writer::asOf);
        List<TenantMonthUsage> usages = onStorage(spark, "read the marts in " + lake.root() + "/marts", () -> UsageLoader.forLake(spark, lake).load(month));
        ReportResult result = onStorage(spark, "write the reports in " + output, () -> writer.build().write(month, usages));
        out.printf("Reported %s: %,d tenants, %,d using Basic auth, %,d with action required soon%n",
                month, result.tenants(), result.tenantsUsingBasicAuth(), result.highSeverity());
        out.printf("  %s%n", result.index().toAbsolutePath());
        return result;
    }

    /**
     * Runs a stage, turning a file-system failure deep in Spark's or a library's exceptions (a full disk, a folder that
     * is a file) into one plain {@link ErrorCode#STORAGE} error; any other failure passes unchanged.
     */
    static <T> T onStorage(SparkSession spark, String action, Supplier<T> stage)
    {
        try {
            return stage.get();
        }
        catch (Exception e) {
            // SparkException is checked, but Scala code throws it undeclared
            Optional<UsageReportException> storage = StorageFailures.of(e, action, localFolder(spark));
            if (storage.isPresent()) {
                throw storage.get();
            }
            throw e;
        }
    }

    /** Where Spark writes shuffle and spill files, and the JDK's temporary folder, which native libraries unpack into. */
    private static String localFolder(SparkSession spark)
    {
        String temporary = System.getProperty("java.io.tmpdir");
        return spark.sparkContext().getConf().get("spark.local.dir", temporary);
    }
}
