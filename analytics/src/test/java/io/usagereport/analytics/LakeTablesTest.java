package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static io.usagereport.analytics.TestingSignIns.T1;
import static io.usagereport.analytics.TestingSignIns.signIn;
import static io.usagereport.ingest.Protocol.IMAP;
import static org.assertj.core.api.Assertions.assertThat;

class LakeTablesTest
{
    private final SparkSession spark = TestingSpark.session();

    @Test
    void registersSignInsAndEveryMartOfAnAnalyzedLake()
    {
        LakeLayout lake = TestingLakes.analyzedSample();

        List<String> views = LakeTables.forLake(spark, lake).register();

        assertThat(views).containsExactly(
                "signins",
                "basic_auth_by_protocol",
                "basic_auth_by_user",
                "tenant_summary",
                "basic_auth_report_lines",
                "basic_auth_trend");
        assertThat(spark.sql("SELECT count(*) FROM signins WHERE month = '2022-09'").first().getLong(0)).isEqualTo(16);
        assertThat(spark.sql("SELECT sum(users) FROM basic_auth_report_lines WHERE month = '2022-09'").first().getLong(0)).isEqualTo(6);
    }

    @Test
    void readsOneMonthOfAMart()
    {
        LakeTables tables = LakeTables.forLake(spark, TestingLakes.analyzedSample());

        assertThat(TestingMarts.lines(tables.mart(MartSchemas.TENANT_SUMMARY, TestingLakes.SEPTEMBER).drop(MartSchemas.MONTH)))
                .containsExactly(
                        "T1 | 13 | 12 | 5 | [EAS, IMAP, MAPI, OAB, POP, RPC, SMTP_AUTH]",
                        "T2 | 2 | 2 | 1 | [EWS, REMOTE_POWERSHELL]",
                        "T3 | 1 | 0 | 0 | []");
        assertThat(tables.mart(MartSchemas.TENANT_SUMMARY, YearMonth.of(2022, 10)).count()).isZero();
        LakeLayout young = new LakeLayout(TestingLakes.temporaryFolder("lake-without-marts").toString());
        assertThat(LakeTables.forLake(spark, young).mart(MartSchemas.BASIC_AUTH_TREND, TestingLakes.SEPTEMBER).schema())
                .isEqualTo(MartSchemas.BASIC_AUTH_TREND.table());
    }

    @Test
    void skipsMissingTablesAndDropsTheirViewsFromAnEarlierLake()
            throws IOException
    {
        LakeTables.forLake(spark, TestingLakes.analyzedSample()).register();
        LakeLayout lake = new LakeLayout(TestingLakes.temporaryFolder("young-lake").toString());
        TestingLakes.writeSignIns(lake, List.of(signIn().tenant(T1).protocol(IMAP).build()));
        StructType manifest = new StructType()
                .add("source_file", DataTypes.StringType)
                .add("rows_read", DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create("a.csv", 3L)), manifest)
                .write().parquet(lake.manifests() + "/tenant_id=" + T1 + "/source_key=k1");
        // a folder without files yet: the table is there, with its schema, and empty
        Files.createDirectories(Path.of(lake.rejects()));

        List<String> views = LakeTables.forLake(spark, lake).register();

        assertThat(views).containsExactly("signins", "rejects", "manifests");
        assertThat(spark.sql("SELECT * FROM rejects").count()).isZero();
        assertThat(spark.sql("SELECT source_file, rows_read, tenant_id, source_key FROM manifests").collectAsList())
                .extracting(Object::toString)
                .containsExactly("[a.csv,3," + T1 + ",k1]");
        assertThat(spark.catalog().tableExists("basic_auth_by_protocol")).isFalse();
    }
}
