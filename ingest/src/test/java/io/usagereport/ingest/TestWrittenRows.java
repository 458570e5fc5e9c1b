package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class TestWrittenRows
{
    private static final StructType ROWS = new StructType()
            .add("priority", DataTypes.IntegerType)
            .add("tenant_id", DataTypes.StringType)
            .add("source_file", DataTypes.StringType)
            .add("month", DataTypes.StringType);

    @Test
    void countsTheFreshRowsOfEachFileAndMonthAndKeepsEveryRow()
    {
        SparkSession spark = TestingSpark.session();
        WrittenRows written = new WrittenRows();
        spark.sparkContext().register(written, "test");
        List<Row> rows = List.of(
                RowFactory.create(1, "t1", "a.csv", "2022-09"),
                RowFactory.create(1, "t1", "a.csv", "2022-09"),
                RowFactory.create(1, "t1", "a.csv", "2022-10"),
                RowFactory.create(1, "t2", "a.csv", "2022-09"),
                // kept from the lake: another file's row, not this run's
                RowFactory.create(0, "t1", "old.csv", "2022-09"));

        long kept = spark.createDataFrame(rows, ROWS)
                .repartition(3)
                .where(written.counting().apply(col("priority"), col("tenant_id"), col("source_file"), col("month")))
                .count();

        assertThat(kept).isEqualTo(5);
        assertThat(written.value()).isEqualTo(Map.of(
                WrittenRows.key("t1", "a.csv", "2022-09"), 2L,
                WrittenRows.key("t1", "a.csv", "2022-10"), 1L,
                WrittenRows.key("t2", "a.csv", "2022-09"), 1L));
    }

    @Test
    void mergesCopiesAndStartsEmptyAfterReset()
    {
        WrittenRows first = new WrittenRows();
        first.add("k");
        WrittenRows second = first.copy();
        second.add("k");
        second.add("j");

        first.merge(second);

        assertThat(first.value()).isEqualTo(Map.of("k", 3L, "j", 1L));
        second.reset();
        assertThat(second.isZero()).isTrue();
    }

    @Test
    void itsValueIsASnapshotThatLaterUpdatesLeaveAlone()
    {
        // Spark's status listener turns a named accumulator's value into text on its own thread while the scheduler
        // merges finished tasks into it: a live map gave it ConcurrentModificationExceptions at 10 M sign-ins
        WrittenRows written = new WrittenRows();
        written.add("k");
        Map<String, Long> seen = written.value();
        WrittenRows task = new WrittenRows();
        task.add("j");

        written.add("k");
        written.merge(task);

        assertThat(seen).isEqualTo(Map.of("k", 1L));
        assertThat(written.value()).isEqualTo(Map.of("k", 2L, "j", 1L));
    }
}
