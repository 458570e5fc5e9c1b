package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ChartFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "The whole monthly job on the committed sample data (sample-data/: five tenants, September 2022, every",
                "export format), on Spark inside this process: ingest, analyze, report. Prints where the reports are.",
                "The sample data holds three deliberately malformed records; they are rejected and listed, and the",
                "demo still ends with exit status 0."})
final class DemoCommand
        implements Callable<Integer>
{
    /** The month the committed sample data covers. */
    static final YearMonth SAMPLE_MONTH = YearMonth.of(2022, 9);

    @Spec
    CommandSpec spec;

    @Option(names = "--sample-data", paramLabel = "DIR",
            description = "The sample data folder (default: sample-data beside the launcher)")
    Path sampleData;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "usage-report-demo",
            description = "Where the lake and the reports go (default: ${DEFAULT-VALUE} in the current folder)")
    Path output;

    @Option(names = "--locale", paramLabel = "en|ja", defaultValue = "en", converter = ReportOptions.LocaleConverter.class,
            description = "Language of the posts: en (default) or ja")
    io.usagereport.reports.ReportLocale locale;

    @Option(names = "--charts", paramLabel = "svg|png", defaultValue = "svg", converter = ReportOptions.ChartFormatConverter.class,
            description = ReportOptions.CHARTS_DESCRIPTION)
    ChartFormat charts;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        Path samples = sampleData != null ? sampleData : Path.of(System.getProperty("usage-report.home", ".")).resolve("sample-data");
        if (!Files.isDirectory(samples.resolve("exports"))) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot find the sample data at " + samples.toAbsolutePath()
                    + "; run the demo from the repository, or pass --sample-data DIR");
        }
        IngestCommand.InputOptions inputs = new IngestCommand.InputOptions();
        inputs.inputs = List.of(samples.resolve("exports").toString());
        ReportOptions reportOptions = new ReportOptions();
        reportOptions.tenants = samples.resolve("tenants.csv");
        reportOptions.locale = locale;
        reportOptions.charts = charts;
        LakeLayout lake = new LakeLayout(output.resolve("lake").toAbsolutePath().toString());
        Path reports = output.resolve("reports").toAbsolutePath();
        PrintWriter out = spec.commandLine().getOut();
        try (SparkOptions.Spark spark = sparkOptions.open("demo");
                ProgressBar progress = ProgressBar.start(spark.session())) {
            RunCommand.run(spark.session(), inputs, lake, reports, SAMPLE_MONTH, reportOptions, Optional.empty(), out);
        }
        out.println();
        out.println("The month's posts: " + reports.resolve(SAMPLE_MONTH.toString()).resolve("index.html"));
        out.println("The lake, for analysts: ./usage-report query --lake " + lake.root() + " \"SELECT * FROM basic_auth_report_lines\"");
        return ExitCodes.OK;
    }
}
