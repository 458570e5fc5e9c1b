package io.usagereport.cli;

import io.usagereport.analytics.BasicAuthMarts;
import io.usagereport.analytics.MartsResult;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.reports.ReportResult;
import io.usagereport.reports.ReportWriter;
import io.usagereport.reports.TenantMonthUsage;
import io.usagereport.reports.UsageLoader;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * The analyze and report stages as the commands run them, with what they print.
 */
final class Stages
{
    private Stages() {}

    static MartsResult analyze(SparkSession spark, LakeLayout lake, YearMonth month, PrintWriter out)
    {
        MartsResult result = BasicAuthMarts.forLake(spark, lake).month(month).run();
        out.printf("Analyzed %s: %,d sign-ins%n", month, result.signIns());
        result.rowCounts().forEach((mart, rows) -> out.printf("  %-26s %,9d rows  %s%n", mart, rows, lake.mart(mart) + "/month=" + month));
        return result;
    }

    static ReportResult report(SparkSession spark, LakeLayout lake, YearMonth month, Path output, ReportOptions options, PrintWriter out)
    {
        ReportWriter.Builder writer = ReportWriter.builder(output)
                .tenants(options.tenantDirectory())
                .locale(options.locale);
        options.asOf().ifPresent(writer::asOf);
        List<TenantMonthUsage> usages = UsageLoader.forLake(spark, lake).load(month);
        ReportResult result = writer.build().write(month, usages);
        out.printf("Reported %s: %,d tenants, %,d using Basic auth, %,d with action required soon%n",
                month, result.tenants(), result.tenantsUsingBasicAuth(), result.highSeverity());
        out.printf("  %s%n", result.index().toAbsolutePath());
        return result;
    }
}
