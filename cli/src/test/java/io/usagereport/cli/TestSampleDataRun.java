package io.usagereport.cli;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch over the committed sample data, every export format at once, checked against the figures the
 * generator computed from its own model ({@code sample-data/expected-usage.csv}).
 */
class TestSampleDataRun
{
    private static final Path SAMPLE_DATA = Path.of("..", "sample-data");

    @TempDir
    static Path work;

    private static TestIngestCommand.Result result;

    @BeforeAll
    static void runTheMonth()
    {
        TestingSpark.session();
        result = TestIngestCommand.run("run",
                "--input", SAMPLE_DATA.resolve("exports").toString(),
                "--lake", work.resolve("lake").toString(),
                "--out", work.resolve("out").toString(),
                "--month", "2022-09",
                "--tenants", SAMPLE_DATA.resolve("tenants.csv").toString());
    }

    @Test
    void everyRecordIsAccountedForAndTheMalformedOnesMakeExitStatusTwo()
    {
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).contains("Total: read 2,435 = written 2,000 + duplicates 432 + rejected 3; 15 partitions replaced");
    }

    @Test
    void basicAuthByProtocolMatchesTheGeneratorsOwnFigures()
            throws IOException
    {
        SparkSession spark = TestingSpark.session();
        List<String> marts = spark.read().parquet(work.resolve("lake/marts/basic_auth_by_protocol").toString())
                .where("month = '2022-09'")
                .orderBy("tenant_id", "protocol")
                .collectAsList().stream()
                .map(TestSampleDataRun::line)
                .toList();

        try (Stream<String> lines = Files.lines(SAMPLE_DATA.resolve("expected-usage.csv"), StandardCharsets.UTF_8)) {
            List<String> expected = lines.skip(1)
                    .map(line -> line.split(",", -1))
                    // tenant, protocol, requests, successful, failed, users, users attempting
                    .map(cells -> String.join("|", cells[0], cells[2], cells[5], cells[6], cells[7], cells[3], cells[4]))
                    .sorted()
                    .toList();
            assertThat(marts).isEqualTo(expected);
        }
    }

    @Test
    void everyTenantGetsAPostAndTheMonthAnIndex()
    {
        Path month = work.resolve("out/2022-09");
        assertThat(month.resolve("index.html")).isRegularFile();
        assertThat(month.resolve("ca86988a-49d6-46f9-81c8-d80c770867ce/message.json")).isRegularFile();
        assertThat(month.resolve("ca86988a-49d6-46f9-81c8-d80c770867ce/report.html")).isRegularFile();
        assertThat(month.resolve("ca86988a-49d6-46f9-81c8-d80c770867ce/usage.json")).isRegularFile();
        assertThat(month.resolve("c3cae815-5498-4854-b02a-cf6f3a0d102f/message.json")).isRegularFile();
        assertThat(result.out()).contains("Reported 2022-09: 5 tenants, 4 using Basic auth");
    }

    private static String line(Row row)
    {
        return String.join("|", row.<String>getAs("tenant_id"), row.<String>getAs("protocol"),
                String.valueOf(row.<Long>getAs("requests")), String.valueOf(row.<Long>getAs("successful_requests")),
                String.valueOf(row.<Long>getAs("failed_requests")), String.valueOf(row.<Long>getAs("users")),
                String.valueOf(row.<Long>getAs("users_attempting")));
    }
}
