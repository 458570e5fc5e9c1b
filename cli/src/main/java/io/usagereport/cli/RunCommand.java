package io.usagereport.cli;

import io.usagereport.analytics.MartsResult;
import io.usagereport.analytics.UserPseudonyms;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.reports.ReportResult;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "The monthly batch: ingest the exports, analyze the month, write its posts, in one Spark application.",
                "Safe to re-run after any failure: every stage replaces what it writes as a whole, and the same input",
                "gives the same output. A summary of the run goes to LAKE/_runs/<YYYY-MM>/<run-id>.json.",
                "With --pseudonymize-users, basic_auth_by_user holds keyed hashes of the user names; the posts still name users."})
final class RunCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @ParentCommand
    UsageReport parent;

    @Mixin
    IngestCommand.InputOptions inputOptions;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake: a folder or a Hadoop URI")
    String lake;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the posts go (a local folder)")
    Path out;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The usage month")
    YearMonth month;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    PseudonymOptions pseudonymOptions;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        // before Spark starts: a missing key is a usage error, not a failed job
        Optional<UserPseudonyms> pseudonyms = pseudonymOptions.pseudonyms(parent.environment());
        try (SparkOptions.Spark spark = sparkOptions.open("run " + month);
                ProgressBar progress = ProgressBar.start(spark.session())) {
            return run(spark.session(), inputOptions, new LakeLayout(lake), out, month, reportOptions, pseudonyms, spec.commandLine().getOut());
        }
    }

    /** Runs the three stages and writes the run summary; returns the exit status. */
    static int run(SparkSession spark, IngestCommand.InputOptions inputs, LakeLayout lake, Path out, YearMonth month,
            ReportOptions reportOptions, Optional<UserPseudonyms> pseudonyms, PrintWriter printer)
    {
        RunSummary summary = RunSummary.start(spark, month, inputs.inputs);
        IngestCommand.Ingestion ingestion = Stages.ingest(spark, inputs, lake);
        ingestion.print(printer);
        summary.ingested(ingestion);
        MartsResult marts = Stages.analyze(spark, lake, month, pseudonyms, printer);
        summary.analyzed(marts, pseudonyms.isPresent());
        ReportResult reports = Stages.report(spark, lake, month, out, reportOptions, printer);
        summary.reported(reports);
        int status = ingestion.exitCode();
        String written = summary.finish(lake, status);
        printer.printf("Run summary: %s%n", written);
        return status;
    }
}
