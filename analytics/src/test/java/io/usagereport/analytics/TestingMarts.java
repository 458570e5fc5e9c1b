package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.SignInSchema;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.usagereport.analytics.TestingSignIns.T1;
import static io.usagereport.analytics.TestingSignIns.T2;
import static io.usagereport.analytics.TestingSignIns.T3;
import static io.usagereport.analytics.TestingSignIns.T4;
import static org.apache.spark.sql.functions.col;

/** Reads marts back as sorted text lines ({@code "T1 | IMAP | 4 | …"}), so tests can state every cell. */
final class TestingMarts
{
    private static final Map<String, String> TENANT_LABELS = Map.of(T1, "T1", T2, "T2", T3, "T3", T4, "T4");

    private TestingMarts() {}

    static Dataset<Row> read(LakeLayout lake, MartSchema mart, YearMonth month)
    {
        return TestingSpark.session().read()
                .schema(mart.table())
                .parquet(lake.mart(mart.name()))
                .where(col(SignInSchema.MONTH).equalTo(month.toString()))
                .drop(SignInSchema.MONTH);
    }

    static List<String> lines(LakeLayout lake, MartSchema mart, YearMonth month)
    {
        return lines(read(lake, mart, month));
    }

    static List<String> lines(Dataset<Row> rows)
    {
        List<String> lines = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int index = 0; index < row.length(); index++) {
                cells.add(cell(row, index));
            }
            lines.add(String.join(" | ", cells));
        }
        lines.sort(null);
        return lines;
    }

    private static String cell(Row row, int index)
    {
        if (row.isNullAt(index)) {
            return "null";
        }
        Object value = row.get(index);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof scala.collection.Seq<?>) {
            return row.getList(index).toString();
        }
        return TENANT_LABELS.getOrDefault(value.toString(), value.toString());
    }
}
