package io.usagereport.cli;

import io.usagereport.ingest.LakeLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
                "Writes one Message Center post per tenant for a month from the marts: OUT/<YYYY-MM>/<tenant-id>/",
                "message.json, report.html, usage.json and charts, and OUT/<YYYY-MM>/index.html listing them all.",
                "The month's folder is replaced as a whole."})
final class ReportCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake: a folder or a Hadoop URI")
    String lake;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The usage month (run analyze for it first)")
    YearMonth month;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the posts go (a local folder)")
    Path out;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        try (SparkOptions.Spark spark = sparkOptions.open("report")) {
            Stages.report(spark.session(), new LakeLayout(lake), month, out, reportOptions, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
