package io.usagereport.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.usagereport.analytics.MartsResult;
import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.IngestResult;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ReportResult;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of one monthly run, written to {@code LAKE/_runs/<YYYY-MM>/<run-id>.json}: its inputs, the rows each
 * stage read and wrote, rejects and duplicates, timings, and the Spark application that ran it.
 */
final class RunSummary
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final Map<String, Object> document = new LinkedHashMap<>();
    private final Map<String, Object> stages = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private long stageStarted = System.nanoTime();
    private String runId = "run";

    private RunSummary(SparkSession spark)
    {
        this.spark = spark;
    }

    static RunSummary start(SparkSession spark, YearMonth month, List<String> inputs)
    {
        RunSummary summary = new RunSummary(spark);
        summary.document.put("month", month.toString());
        summary.document.put("started_at", Instant.now().toString());
        summary.document.put("inputs", List.copyOf(inputs));
        summary.document.put("spark_application_id", spark.sparkContext().applicationId());
        summary.document.put("spark_master", spark.sparkContext().master());
        summary.document.put("stages", summary.stages);
        return summary;
    }

    void ingested(IngestCommand.Ingestion ingestion)
    {
        IngestResult result = ingestion.result();
        runId = result.runId();
        Map<String, Object> stage = stage();
        stage.put("files", result.files().size());
        stage.put("rows_read", result.rowsRead());
        stage.put("rows_written", result.rowsWritten());
        stage.put("duplicates", result.duplicates());
        stage.put("rejected", result.rejected());
        stage.put("partitions_replaced", result.partitions());
        stage.put("unknown_client_apps", result.unknownClientApps());
        stage.put("skipped_inputs", ingestion.discovered().problems());
        List<Map<String, Object>> files = new ArrayList<>();
        for (IngestResult.FileResult file : result.files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file.sourceFile());
            entry.put("tenant_id", file.tenantId());
            entry.put("format", file.format());
            entry.put("encoding", file.encoding());
            entry.put("bytes", file.bytes());
            entry.put("rows_read", file.rowsRead());
            entry.put("rows_written", file.rowsWritten());
            entry.put("duplicates", file.duplicates());
            entry.put("rejected", file.rejected());
            file.error().ifPresent(error -> entry.put("error", error));
            files.add(entry);
        }
        stage.put("file_results", files);
        stages.put("ingest", stage);
    }

    void analyzed(MartsResult marts, boolean usersPseudonymized)
    {
        Map<String, Object> stage = stage();
        stage.put("sign_ins", marts.signIns());
        stage.put("mart_rows", marts.rowCounts());
        stage.put("users_pseudonymized", usersPseudonymized);
        stages.put("analyze", stage);
    }

    void reported(ReportResult reports)
    {
        Map<String, Object> stage = stage();
        stage.put("tenants", reports.tenants());
        stage.put("tenants_using_basic_auth", reports.tenantsUsingBasicAuth());
        stage.put("high_severity", reports.highSeverity());
        stage.put("index", reports.index().toAbsolutePath().toString());
        stages.put("report", stage);
    }

    /** Writes the summary and returns where. */
    String finish(LakeLayout lake, int exitStatus)
    {
        document.put("run_id", runId);
        document.put("finished_at", Instant.now().toString());
        document.put("seconds", seconds(started));
        document.put("exit_status", exitStatus);
        Path path = new Path(lake.root() + "/_runs/" + document.get("month") + "/" + runId + ".json");
        try {
            FileSystem fileSystem = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fileSystem.create(path, true)) {
                JSON.writeValue((java.io.OutputStream) out, document);
            }
            return fileSystem.makeQualified(path).toString();
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write the run summary " + path + ": " + StorageFailures.reason(e), e);
        }
    }

    private Map<String, Object> stage()
    {
        Map<String, Object> stage = new LinkedHashMap<>();
        long now = System.nanoTime();
        stage.put("seconds", (now - stageStarted) / 1e9);
        stageStarted = now;
        return stage;
    }

    private static double seconds(long since)
    {
        return (System.nanoTime() - since) / 1e9;
    }
}
