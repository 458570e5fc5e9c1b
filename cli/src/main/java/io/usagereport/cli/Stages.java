package io.usagereport.cli;

import io.usagereport.analytics.BasicAuthMarts;
import io.usagereport.analytics.MartSchemas;
import io.usagereport.analytics.MartsResult;
import io.usagereport.analytics.UserPseudonyms;
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
import java.util.Optional;

/**
 * The analyze and report stages as the commands run them, with what they print.
 */
final class Stages
{
    private Stages() {}

    static MartsResult analyze(SparkSession spark, LakeLayout lake, YearMonth month, Optional<UserPseudonyms> pseudonyms, PrintWriter out)
    {
        BasicAuthMarts marts = BasicAuthMarts.forLake(spark, lake).month(month);
        if (pseudonyms.isPresent()) {
            marts = marts.pseudonymizeUsers(pseudonyms.get());
        }
        MartsResult result = marts.run();
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
