package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLakeSignInIds
{
    private static final StructType ROWS = new StructType()
            .add(SignInSchema.USER_PRINCIPAL_NAME, DataTypes.StringType)
            .add(SignInSchema.SIGN_IN_ID, DataTypes.StringType);

    @TempDir
    java.nio.file.Path work;

    @Test
    void givesTheSignInIdsOfEveryFileOfThePartitionAndCountsItsRowsFromTheFooters()
            throws IOException
    {
        SparkSession spark = TestingSpark.session();
        java.nio.file.Path partition = work.resolve("tenant_id=t1").resolve("month=2022-09");
        // two files, as an extended partition has; a row without an id; Spark's marker file beside them
        spark.createDataFrame(List.of(RowFactory.create("alice", "s1"), RowFactory.create("bob", "s2"), RowFactory.create("carol", null)), ROWS)
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(partition.toString());
        spark.createDataFrame(List.of(RowFactory.create("dave", "0b6c2e1a-93f4-4d4e-9a51-7c1d2e3f4a5b")), ROWS)
                .coalesce(1).write().mode(SaveMode.Append).parquet(partition.toString());
        Files.writeString(partition.resolve("_SUCCESS"), "");

        LakeSignInIds ids = LakeSignInIds.open(new Configuration(), new Path(partition.toString()));

        List<String> given = new ArrayList<>();
        ids.forEach(given::add);
        assertThat(ids.rows()).isEqualTo(4);
        assertThat(given).containsExactlyInAnyOrder("s1", "s2", "0b6c2e1a-93f4-4d4e-9a51-7c1d2e3f4a5b");
    }

    @Test
    void aPartitionThatDoesNotExistHasNoSignIns()
    {
        LakeSignInIds ids = LakeSignInIds.open(new Configuration(), new Path(work.resolve("tenant_id=t1").resolve("month=2022-09").toString()));

        List<String> given = new ArrayList<>();
        ids.forEach(given::add);
        assertThat(ids.rows()).isZero();
        assertThat(given).isEmpty();
    }

    @Test
    void aFileThatIsNotParquetIsNamedInTheError()
            throws IOException
    {
        java.nio.file.Path partition = Files.createDirectories(work.resolve("month=2022-09"));
        java.nio.file.Path broken = Files.writeString(partition.resolve("part-00000.parquet"), "not parquet at all");

        assertThatThrownBy(() -> LakeSignInIds.open(new Configuration(), new Path(partition.toString())))
                .isInstanceOf(LakeSignInIds.NotRead.class)
                .hasMessageStartingWith("Cannot read the lake's sign-ins in " + partition + ": ")
                .hasMessageContaining(broken.toString());
    }
}
