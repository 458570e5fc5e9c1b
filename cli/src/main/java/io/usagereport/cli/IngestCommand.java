package io.usagereport.cli;

import io.usagereport.ingest.IngestJob;
import io.usagereport.ingest.IngestResult;
import io.usagereport.ingest.InputDiscovery;
import io.usagereport.ingest.LakeLayout;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
                "Reads sign-in exports into the lake's signins table (LAKE/signins/tenant_id=…/month=…).",
                "Formats are recognised from content: Entra admin center CSV and JSON, Graph signIn JSON, diagnostic-settings records, PowerShell Export-Csv, Log Analytics CSV.",
                "Exit status 2 when some records were rejected (see LAKE/rejects)."})
final class IngestCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake: a folder or a Hadoop URI (file:, hdfs:, s3a:, abfss:)")
    String lake;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (SparkOptions.Spark spark = sparkOptions.open("ingest");
                ProgressBar progress = ProgressBar.start(spark.session())) {
            Ingestion ingestion = Stages.ingest(spark.session(), inputOptions, new LakeLayout(lake));
            ingestion.print(out);
            return ingestion.exitCode();
        }
    }

    /** One ingest: discovery, the job, and what to tell the user. */
    record Ingestion(InputDiscovery.Discovered discovered, IngestResult result)
    {
        static Ingestion run(SparkSession spark, InputOptions options, LakeLayout lake)
        {
            InputDiscovery.Discovered discovered = InputDiscovery.discover(
                    spark.sparkContext().hadoopConfiguration(), options.inputs, Optional.ofNullable(options.tenant));
            IngestJob job = IngestJob.forLake(spark, lake).inputs(discovered.files());
            if (options.encoding != null) {
                job.encoding(options.encoding);
            }
            return new Ingestion(discovered, job.run());
        }

        int exitCode()
        {
            if (result.rejected() > 0 || !discovered.problems().isEmpty()) {
                return ExitCodes.REJECTS;
            }
            return ExitCodes.OK;
        }

        void print(PrintWriter out)
        {
            out.printf("Ingested %,d files (run %s)%n", result.files().size(), result.runId());
            for (IngestResult.FileResult file : result.files()) {
                out.printf("  %-60s %-18s read %,9d  written %,9d  duplicates %,7d  rejected %,7d%n",
                        file.sourceFile(), file.format(), file.rowsRead(), file.rowsWritten(), file.duplicates(), file.rejected());
                file.error().ifPresent(error -> out.println("    " + error));
            }
            out.printf("Total: read %,d = written %,d + duplicates %,d + rejected %,d; %,d partitions replaced%n",
                    result.rowsRead(), result.rowsWritten(), result.duplicates(), result.rejected(), result.partitions().size());
            if (result.rejected() > 0) {
                out.println("Rejected records are in the lake's rejects table with file, line, field and reason: usage-report query --lake LAKE \"SELECT source_file, source_line, reason FROM rejects\"");
            }
            result.unknownClientApps().forEach((app, rows) ->
                    out.printf("Warning: unknown client app '%s' in %,d rows, counted as OTHER_LEGACY%n", app, rows));
            if (result.missingClientApps() > 0) {
                out.printf("Warning: %,d rows had no client app and were not counted as Basic auth%n", result.missingClientApps());
            }
            discovered.problems().forEach(problem -> out.println("Warning: " + problem));
        }
    }

    /** Where the exports are. */
    static final class InputOptions
    {
        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Export files or folders: INPUT/<tenant-id>/<name>.{csv,json,jsonl}, or any files with --tenant")
        List<String> inputs;

        @Option(names = "--tenant", paramLabel = "ID", description = "The tenant id (GUID) of every input file")
        String tenant;

        @Option(names = "--encoding", paramLabel = "CHARSET",
                description = "Character set of files without a byte order mark (default UTF-8), e.g. Shift_JIS for Excel on Japanese Windows")
        Charset encoding;
    }
}
