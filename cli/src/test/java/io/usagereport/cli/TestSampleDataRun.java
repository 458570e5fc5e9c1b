package io.usagereport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void eachPostCountsTheRowsReadRejectedAndDuplicatedOfItsTenantsMonth()
            throws IOException
    {
        // tenant → rows read, rejected, duplicates, days without data; the 35 rows read outside September are not counted
        assertThat(dataQuality("98de8040-4deb-483e-bc83-226f261ff241")).isEqualTo("507|0|113|0");
        assertThat(dataQuality("a917c07a-ab34-47d2-9f18-931ec96e55c6")).isEqualTo("427|0|33|0");
        assertThat(dataQuality("c3cae815-5498-4854-b02a-cf6f3a0d102f")).isEqualTo("642|0|248|0");
        // the 3 malformed records are in the files that fed September, so they count as read and rejected
        assertThat(dataQuality("ca86988a-49d6-46f9-81c8-d80c770867ce")).isEqualTo("430|3|33|0");
        assertThat(dataQuality("f205ab26-be90-4606-8125-e032ecce4b2c")).isEqualTo("394|0|0|0");
    }

    private static String dataQuality(String tenant)
            throws IOException
    {
        JsonNode figures = new ObjectMapper().readTree(work.resolve("out/2022-09").resolve(tenant).resolve("usage.json").toFile())
                .get("data_quality");
        return String.join("|", figures.get("rows_read").asText(), figures.get("rejected").asText(),
                figures.get("duplicates").asText(), figures.get("days_without_data").asText());
    }

    private static String line(Row row)
    {
        return String.join("|", row.<String>getAs("tenant_id"), row.<String>getAs("protocol"),
                String.valueOf(row.<Long>getAs("requests")), String.valueOf(row.<Long>getAs("successful_requests")),
                String.valueOf(row.<Long>getAs("failed_requests")), String.valueOf(row.<Long>getAs("users")),
                String.valueOf(row.<Long>getAs("users_attempting")));
    }
}
