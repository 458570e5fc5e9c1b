package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRejectFile
{
    @TempDir
    Path work;

    @Test
    void writesOneLinePerRejectThatSparkReadsBackWithEveryValue()
            throws IOException
    {
        RejectFile file = new RejectFile(new Configuration(), work.resolve("rejected").toString(), "t1", "k1", "/exports/t1/a.csv");
        file.write(3, 2, Optional.of("Date (UTC)"), "Invalid sign-in time", "\"2022-09-31\",\"alice@contoso.com\"\r\nnext line, été, 日本");
        // a record cut inside a surrogate pair: Spark's strings replace the half character, as its Parquet writer would
        file.write(9, 8, Optional.empty(), "Record too long", "cut here \uD83D");

        Optional<String> written = file.close();

        assertThat(written).hasValueSatisfying(path -> assertThat(Path.of(path)).hasParent(work.resolve("rejected")));
        assertThat(Files.readAllLines(Path.of(written.orElseThrow()))).hasSize(2);
        List<Row> rows = TestingSpark.session().read().schema(ManifestSchema.REJECTS).json(written.orElseThrow())
                .orderBy(SignInSchema.SOURCE_LINE)
                .collectAsList();
        assertThat(rows).extracting(Row::toString).containsExactly(
                "[/exports/t1/a.csv,3,2,Date (UTC),Invalid sign-in time,\"2022-09-31\",\"alice@contoso.com\"\r\nnext line, été, 日本,t1,k1]",
                "[/exports/t1/a.csv,9,8,null,Record too long,cut here ?,t1,k1]");
    }

    @Test
    void aFileWithoutRejectsLeavesNoFile()
            throws IOException
    {
        RejectFile file = new RejectFile(new Configuration(), work.resolve("rejected").toString(), "t1", "k1", "a.csv");

        assertThat(file.close()).isEmpty();
        try (Stream<Path> paths = Files.list(work)) {
            assertThat(paths).isEmpty();
        }
    }

    @Test
    void aRejectThatCannotBeWrittenNamesTheInputFile()
            throws IOException
    {
        // a regular file where the folder should be: no user, root included, can create a file under it
        Path notAFolder = Files.writeString(work.resolve("rejected"), "");
        RejectFile file = new RejectFile(new Configuration(), notAFolder.toString(), "t1", "k1", "/exports/t1/a.csv");

        assertThatThrownBy(() -> file.write(3, 2, Optional.empty(), "Invalid sign-in time", "raw"))
                .isInstanceOf(RejectFile.NotWritten.class)
                .hasMessageStartingWith("Cannot write the rejects of /exports/t1/a.csv to " + notAFolder + "/k1-");
    }
}
