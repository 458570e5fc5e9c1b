package io.usagereport.analytics;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.testing.TestingSpark;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryOutputTest
{
    private static final String PEOPLE = """
            SELECT * FROM VALUES
                ('alice@x.com', 'アリス', 3L, TIMESTAMP '2022-09-03 10:00:00', array('IMAP', 'POP')),
                ('=HYPERLINK("x")', NULL, -2L, NULL, array()),
                ('@bob', 'Bob, "B"', 10L, TIMESTAMP '2022-09-30 23:59:59.5', NULL)
            AS people(user, name, requests, seen, protocols)
            ORDER BY requests
            """;

    private final QueryOutput output = QueryOutput.forLake(TestingSpark.session(), TestingLakes.analyzedSample());

    @Test
    void printsAnAlignedTable()
    {
        StringWriter text = new StringWriter();

        QueryResult result = output.write(PEOPLE, text);

        assertThat(text.toString()).isEqualTo("""
                 user            | name     | requests | seen                     | protocols
                -----------------+----------+----------+--------------------------+----------------
                 =HYPERLINK("x") | NULL     |       -2 | NULL                     | []
                 alice@x.com     | アリス   |        3 | 2022-09-03T10:00:00Z     | ["IMAP","POP"]
                 @bob            | Bob, "B" |       10 | 2022-09-30T23:59:59.500Z | NULL
                (3 rows)
                """);
        assertThat(result).isEqualTo(new QueryResult(List.of("user", "name", "requests", "seen", "protocols"), 3, false));
    }

    @Test
    void printsCsvWithByteOrderMarkAndNeutralisedFormulas()
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        output.format(OutputFormat.CSV).write(PEOPLE, bytes);

        byte[] written = bytes.toByteArray();
        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "user,name,requests,seen,protocols\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",,-2,,[]\r\n"
                        + "alice@x.com,アリス,3,2022-09-03T10:00:00Z,\"[\"\"IMAP\"\",\"\"POP\"\"]\"\r\n"
                        + "'@bob,\"Bob, \"\"B\"\"\",10,2022-09-30T23:59:59.500Z,\r\n");
    }

    @Test
    void neutralisesEveryFormulaStart()
    {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "", "'x"))
                .map(QueryOutput::neutralised)
                .containsExactly("'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "", "'x");
    }

    @Test
    void printsJsonLines()
    {
        StringWriter text = new StringWriter();

        output.format(OutputFormat.JSON).write(PEOPLE, text);

        assertThat(text.toString()).isEqualTo("""
                {"user":"=HYPERLINK(\\"x\\")","name":null,"requests":-2,"seen":null,"protocols":[]}
                {"user":"alice@x.com","name":"アリス","requests":3,"seen":"2022-09-03T10:00:00Z","protocols":["IMAP","POP"]}
                {"user":"@bob","name":"Bob, \\"B\\"","requests":10,"seen":"2022-09-30T23:59:59.500Z","protocols":null}
                """);
    }

    @Test
    void stopsAtTheLimitAndSaysSo()
    {
        StringWriter text = new StringWriter();

        QueryResult result = output.limit(2).write("SELECT id FROM range(5) ORDER BY id", text);

        assertThat(text.toString()).isEqualTo("""
                 id
                ----
                  0
                  1
                (2 rows, limit reached)
                """);
        assertThat(result.truncated()).isTrue();
        assertThat(output.limit(5).write("SELECT id FROM range(5)", new StringWriter()))
                .isEqualTo(new QueryResult(List.of("id"), 5, false));
    }

    @Test
    void queriesTheLakeTablesByName()
    {
        StringWriter text = new StringWriter();

        output.format(OutputFormat.JSON).write("""
                SELECT tenant_id, protocol, users, users_attempting, first_seen
                FROM basic_auth_by_protocol
                WHERE month = '2022-09' AND protocol = 'IMAP'
                """, text);

        assertThat(text.toString()).isEqualTo(
                "{\"tenant_id\":\"" + TestingSignIns.T1 + "\",\"protocol\":\"IMAP\",\"users\":1,\"users_attempting\":2,"
                        + "\"first_seen\":\"2022-09-03T10:00:00Z\"}\n");
    }

    @Test
    void invalidSqlIsAUsageError()
    {
        assertThatThrownBy(() -> output.write("SELECT nothing FROM no_such_table", new StringWriter()))
                .isInstanceOf(UsageReportException.class)
                .hasMessageStartingWith("Invalid query: ")
                .hasMessageContaining("no_such_table")
                .extracting(exception -> ((UsageReportException) exception).errorCode())
                .isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void printsAnEmptyTable()
    {
        LakeLayout lake = TestingLakes.analyzedSample();
        StringWriter text = new StringWriter();

        output.write("SELECT tenant_id, sign_ins FROM tenant_summary WHERE month = '1999-01'", text);

        assertThat(lake.root()).isNotBlank();
        assertThat(text.toString()).isEqualTo("""
                 tenant_id | sign_ins
                -----------+----------
                (0 rows)
                """);
    }
}
