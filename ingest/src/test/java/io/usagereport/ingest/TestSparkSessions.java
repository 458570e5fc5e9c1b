package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class TestSparkSessions
{
    @TempDir
    Path work;

    @Test
    void aLocalSessionListsManyFoldersOnTheDriverWithoutASparkJob()
    {
        SparkSession spark = TestingSpark.session();
        String table = work.resolve("table").toString();
        // 40 partition folders: more than Spark's default threshold (32) for listing them with a job
        spark.range(40).withColumn("part", col("id")).write().partitionBy("part").parquet(table);
        String[] folders = IntStream.range(0, 40).mapToObj(part -> table + "/part=" + part).toArray(String[]::new);
        StructType schema = new StructType().add("id", DataTypes.LongType);

        String group = "listing-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, "listing", false);
        try {
            long files = spark.read().schema(schema).option("basePath", table).parquet(folders).inputFiles().length;
            assertThat(files).isEqualTo(40);
        }
        finally {
            spark.sparkContext().clearJobGroup();
        }
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(group)).isEmpty();
    }

    @Test
    void parquetReadsTheLakeWithoutHadoopsVectoredReads()
    {
        Configuration hadoop = TestingSpark.session().sparkContext().hadoopConfiguration();

        assertThat(hadoop.get(SparkSessions.PARQUET_VECTORED_READS)).isEqualTo("false");
        // the options every Parquet reader of the session builds from its Hadoop configuration
        assertThat(HadoopReadOptions.builder(hadoop).build().useHadoopVectoredIo()).isFalse();
    }
}
