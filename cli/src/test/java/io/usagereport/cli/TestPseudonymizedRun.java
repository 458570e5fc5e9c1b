package io.usagereport.cli;

import io.usagereport.analytics.UserPseudonyms;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample month on one lake three times: {@code run} with real names, {@code run} pseudonymised with the key in the
 * environment, then {@code analyze} pseudonymised with another key from a file and {@code report}. The posts must not
 * change; the analyst mart must not name anyone; the key must show nowhere.
 */
class TestPseudonymizedRun
{
    private static final Path SAMPLE_DATA = Path.of("..", "sample-data");
    private static final String VARIABLE_KEY = "the variable's key: 森の中の秘密";
    private static final String FILE_KEY = "the file's key, with a line break after it";
    private static final String MART = "lake/marts/basic_auth_by_user/month=2022-09";

    @TempDir
    static Path work;

    private static TestIngestCommand.Result plain;
    private static TestIngestCommand.Result byVariable;
    private static List<Row> byVariableUsers;
    private static boolean byVariableMarked;
    private static TestIngestCommand.Result byFile;
    private static TestIngestCommand.Result reportAfterFile;
    private static List<Row> byFileUsers;
    private static List<Row> signInUsers;

    @BeforeAll
    static void runTheMonthThreeTimes()
            throws IOException
    {
        SparkSession spark = TestingSpark.session();
        String lake = work.resolve("lake").toString();
        plain = execute(Map.of(), "run", "--input", SAMPLE_DATA.resolve("exports").toString(), "--lake", lake,
                "--out", work.resolve("plain").toString(), "--month", "2022-09", "--tenants", SAMPLE_DATA.resolve("tenants.csv").toString());
        byVariable = execute(Map.of("USAGE_REPORT_PSEUDONYM_KEY", VARIABLE_KEY), "run", "--pseudonymize-users",
                "--input", SAMPLE_DATA.resolve("exports").toString(), "--lake", lake,
                "--out", work.resolve("by-variable").toString(), "--month", "2022-09", "--tenants", SAMPLE_DATA.resolve("tenants.csv").toString());
        byVariableUsers = users(spark);
        byVariableMarked = Files.exists(work.resolve(MART).resolve("_PSEUDONYMIZED"));
        Path keyFile = Files.writeString(work.resolve("pseudonym.key"), FILE_KEY + "\n", StandardCharsets.UTF_8);
        byFile = execute(Map.of(), "analyze", "--lake", lake, "--month", "2022-09", "--pseudonymize-users", "--pseudonym-key-file", keyFile.toString());
        reportAfterFile = execute(Map.of(), "report", "--lake", lake, "--out", work.resolve("by-file").toString(), "--month", "2022-09",
                "--tenants", SAMPLE_DATA.resolve("tenants.csv").toString());
        byFileUsers = users(spark);
        signInUsers = spark.read().parquet(work.resolve("lake/signins").toString())
                .where("month = '2022-09' AND basic_auth")
                .selectExpr("tenant_id", "user_principal_name")
                .distinct()
                .collectAsList();
    }

    @Test
    void everyCommandSucceeds()
    {
        // the sample data holds three malformed records: a run ends with exit status 2
        assertThat(plain.status()).isEqualTo(2);
        assertThat(byVariable.status()).isEqualTo(2);
        assertThat(byVariable.out()).contains("basic_auth_by_user: user names pseudonymised");
        assertThat(byFile.status()).as(byFile.err()).isZero();
        assertThat(reportAfterFile.status()).as(reportAfterFile.err()).isZero();
    }

    @Test
    void thePostsAreTheSameAsWithRealNamesInTheMart()
    {
        Map<String, byte[]> expected = files(work.resolve("plain/2022-09"));

        assertThat(expected).containsKey("index.html").hasSizeGreaterThan(10);
        assertThat(new String(expected.get("ca86988a-49d6-46f9-81c8-d80c770867ce/usage.json"), StandardCharsets.UTF_8)).contains("@");
        assertThat(files(work.resolve("by-variable/2022-09"))).containsOnlyKeys(expected.keySet()).allSatisfy(
                (name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
        assertThat(files(work.resolve("by-file/2022-09"))).containsOnlyKeys(expected.keySet()).allSatisfy(
                (name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
    }

    @Test
    void theMartHoldsThePseudonymOfEveryUserUnderEachKeyAndNoDisplayName()
    {
        assertThat(byVariableMarked).isTrue();
        assertThat(work.resolve(MART).resolve("_PSEUDONYMIZED")).isEmptyFile();
        assertThat(signInUsers).hasSizeGreaterThan(10);
        assertThat(userNames(byVariableUsers)).isEqualTo(pseudonyms(VARIABLE_KEY.getBytes(StandardCharsets.UTF_8)));
        assertThat(userNames(byFileUsers)).isEqualTo(pseudonyms(FILE_KEY.getBytes(StandardCharsets.UTF_8)));
        assertThat(byVariableUsers).hasSameSizeAs(byFileUsers).allSatisfy(row -> assertThat(row.isNullAt(2)).isTrue());
        assertThat(byFileUsers).allSatisfy(row -> assertThat(row.isNullAt(2)).isTrue());
    }

    @Test
    void theKeysShowNowhere()
            throws IOException
    {
        List<Path> summaries;
        try (Stream<Path> files = Files.list(work.resolve("lake/_runs/2022-09"))) {
            summaries = files.filter(path -> path.getFileName().toString().endsWith(".json")).toList();
        }
        assertThat(summaries).hasSize(2);
        StringBuilder written = new StringBuilder();
        for (Path summary : summaries) {
            written.append(Files.readString(summary, StandardCharsets.UTF_8));
        }
        assertThat(written.toString()).contains("\"users_pseudonymized\" : true", "\"users_pseudonymized\" : false");
        for (TestIngestCommand.Result result : List.of(plain, byVariable, byFile, reportAfterFile)) {
            written.append(result.out()).append(result.err());
        }
        assertThat(written.toString()).doesNotContain("森の中の秘密", "the variable's key", "the file's key");
    }

    private static Set<String> userNames(List<Row> users)
    {
        Set<String> names = new TreeSet<>();
        users.forEach(row -> names.add(row.getString(0) + " " + row.getString(1)));
        return names;
    }

    private static Set<String> pseudonyms(byte[] key)
    {
        Set<String> names = new TreeSet<>();
        signInUsers.forEach(row -> names.add(row.getString(0) + " " + UserPseudonyms.pseudonym(key, row.getString(1))));
        return names;
    }

    private static List<Row> users(SparkSession spark)
    {
        return spark.read().parquet(work.resolve("lake/marts/basic_auth_by_user").toString())
                .where("month = '2022-09'")
                .selectExpr("tenant_id", "user_principal_name", "user_display_name")
                .collectAsList();
    }

    private static Map<String, byte[]> files(Path folder)
    {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static TestIngestCommand.Result execute(Map<String, String> environment, String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = UsageReport.execute(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
        return new TestIngestCommand.Result(status, out.toString(), err.toString());
    }
}
