package io.usagereport.cli;

import io.usagereport.analytics.OutputFormat;
import io.usagereport.analytics.QueryOutput;
import io.usagereport.ingest.LakeLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {
                "Runs Spark SQL over the lake. Every table is a view by its name: signins, rejects, manifests,",
                "basic_auth_by_protocol, basic_auth_by_user, tenant_summary, basic_auth_report_lines, basic_auth_trend.",
                "CSV output is UTF-8 with a byte order mark (Excel on Japanese Windows reads it) and formula-safe cells."})
final class QueryCommand
        implements Callable<Integer>
{
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake: a folder or a Hadoop URI")
    String lake;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output: an aligned table (default), CSV, or JSON lines")
    OutputFormat format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows")
    Long limit;

    @Parameters(paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM basic_auth_by_protocol WHERE month = '2022-09'\"")
    String sql;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        try (SparkOptions.Spark spark = sparkOptions.open("query")) {
            QueryOutput query = QueryOutput.forLake(spark.session(), new LakeLayout(lake)).format(format);
            if (limit != null) {
                query = query.limit(limit);
            }
            PrintStream stdout = System.out;
            query.write(sql, stdout);
            stdout.flush();
            return ExitCodes.OK;
        }
    }
}
