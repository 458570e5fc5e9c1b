package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.usagereport.analytics.TestingLakes.SEPTEMBER;
import static org.assertj.core.api.Assertions.assertThat;

/** The marts checked by an independent engine reading the same Parquet files. */
class DuckDbCrossCheckTest
{
    private final LakeLayout lake = TestingLakes.analyzedSample();

    @Test
    void byProtocolMatchesDuckDbOverTheSignIns()
            throws SQLException
    {
        String sql = """
                SELECT tenant_id, protocol,
                       count(*),
                       count(*) FILTER (WHERE succeeded),
                       count(*) FILTER (WHERE NOT succeeded),
                       count(DISTINCT lower(trim(user_principal_name))) FILTER (WHERE succeeded),
                       count(DISTINCT lower(trim(user_principal_name))),
                       epoch_us(min(created_at)),
                       epoch_us(max(created_at))
                FROM read_parquet('%s/**/*.parquet', hive_partitioning = true,
                                  hive_types = {'tenant_id': VARCHAR, 'month': VARCHAR})
                WHERE basic_auth AND month = '%s'
                GROUP BY tenant_id, protocol
                ORDER BY tenant_id, protocol
                """.formatted(lake.signins(), SEPTEMBER);

        List<String> duckDb = duckDbLines(sql);

        assertThat(duckDb).hasSize(9);
        assertThat(duckDb).containsExactlyElementsOf(sparkLines());
    }

    @Test
    void martsReadBackWithDuckDbAsUtcMicrosecondTimestamps()
            throws SQLException
    {
        String mart = lake.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL.name());
        String sql = """
                SELECT tenant_id, protocol, requests, successful_requests, failed_requests, users, users_attempting,
                       epoch_us(first_seen), epoch_us(last_seen)
                FROM read_parquet('%s/**/*.parquet', hive_partitioning = true, hive_types = {'month': VARCHAR})
                WHERE month = '%s'
                ORDER BY tenant_id, protocol
                """.formatted(mart, SEPTEMBER);
        assertThat(duckDbLines(sql)).containsExactlyElementsOf(sparkLines());

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet types = statement.executeQuery("""
                        SELECT DISTINCT name, type, logical_type::VARCHAR
                        FROM parquet_schema('%s/**/*.parquet')
                        WHERE name IN ('first_seen', 'last_seen')
                        ORDER BY name
                        """.formatted(mart))) {
            List<String> columns = new ArrayList<>();
            while (types.next()) {
                columns.add(types.getString(1) + " " + types.getString(2) + " " + types.getString(3));
            }
            assertThat(columns).hasSize(2).allSatisfy(column -> assertThat(column)
                    .contains("INT64")
                    .containsIgnoringCase("isAdjustedToUTC=1")
                    .containsIgnoringCase("MICROS"));
        }
    }

    private List<String> sparkLines()
    {
        List<String> lines = new ArrayList<>();
        for (Row row : TestingMarts.read(lake, MartSchemas.BASIC_AUTH_BY_PROTOCOL, SEPTEMBER)
                .orderBy(MartSchemas.TENANT_ID, MartSchemas.PROTOCOL)
                .collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int index = 0; index < row.length(); index++) {
                Object value = row.get(index);
                if (value instanceof java.sql.Timestamp timestamp) {
                    cells.add(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, timestamp.toInstant())));
                }
                else {
                    cells.add(String.valueOf(value));
                }
            }
            lines.add(String.join(" | ", cells));
        }
        return lines;
    }

    private static List<String> duckDbLines(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<String> lines = new ArrayList<>();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    cells.add(result.getString(column));
                }
                lines.add(String.join(" | ", cells));
            }
            return lines;
        }
    }
}
