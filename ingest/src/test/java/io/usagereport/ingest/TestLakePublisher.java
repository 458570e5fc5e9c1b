package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestLakePublisher
{
    @TempDir
    Path lake;

    @Test
    void commitReplacesStagedPartitionsAndDeletesListedOnes()
            throws IOException
    {
        write(lake.resolve("signins/tenant_id=a/month=2022-09/old.parquet"), "old");
        write(lake.resolve("signins/tenant_id=a/month=2022-08/old.parquet"), "stale");
        LakePublisher publisher = new LakePublisher(new Configuration(), lake.toString());
        write(Path.of(publisher.staging("run1").replace("file:", "")).resolve("signins/tenant_id=a/month=2022-09/new.parquet"), "new");
        write(Path.of(publisher.staging("run1").replace("file:", "")).resolve("signins/tenant_id=b/month=2022-09/new.parquet"), "b");

        assertThat(publisher.stagedPartitions("run1", "signins", 2))
                .containsExactly("signins/tenant_id=a/month=2022-09", "signins/tenant_id=b/month=2022-09");
        publisher.commit("run1", publisher.stagedPartitions("run1", "signins", 2), List.of(), List.of("signins/tenant_id=a/month=2022-08"));

        assertThat(files()).containsExactly(
                "signins/tenant_id=a/month=2022-09/new.parquet",
                "signins/tenant_id=b/month=2022-09/new.parquet");
        assertThat(Files.readString(lake.resolve("signins/tenant_id=a/month=2022-09/new.parquet"))).isEqualTo("new");
    }

    @Test
    void partitionsListsTheLakesPartitionFoldersUnderAFolderOnly()
            throws IOException
    {
        write(lake.resolve("signins/tenant_id=a/month=2022-09/part-1.parquet"), "september");
        write(lake.resolve("signins/tenant_id=a/month=2022-08/part-1.parquet"), "august");
        write(lake.resolve("signins/tenant_id=a/_SUCCESS"), "");
        write(lake.resolve("signins/tenant_id=b/month=2022-09/part-1.parquet"), "b");
        // staged, not in the lake
        write(lake.resolve("_staging/run1/signins/tenant_id=a/month=2022-10/part-2.parquet"), "october");
        LakePublisher publisher = new LakePublisher(new Configuration(), lake.toString());

        assertThat(publisher.partitions("signins/tenant_id=a", 1))
                .containsExactly("signins/tenant_id=a/month=2022-08", "signins/tenant_id=a/month=2022-09");
        assertThat(publisher.partitions("signins", 2)).containsExactly(
                "signins/tenant_id=a/month=2022-08", "signins/tenant_id=a/month=2022-09", "signins/tenant_id=b/month=2022-09");
        assertThat(publisher.partitions("signins/tenant_id=c", 1)).isEmpty();
    }

    @Test
    void recoverFinishesACommittedRunInterruptedBetweenItsRenames()
            throws IOException
    {
        // the state a crash leaves after the old partition went to the trash and before the new one moved in
        write(lake.resolve("_trash/run2/signins/tenant_id=a/month=2022-09/old.parquet"), "old");
        write(lake.resolve("_staging/run2/signins/tenant_id=a/month=2022-09/new.parquet"), "new");
        write(lake.resolve("_staging/run2/signins/tenant_id=a/month=2022-10/new.parquet"), "october");
        write(lake.resolve("signins/tenant_id=a/month=2022-10/old.parquet"), "old october");
        write(lake.resolve("_staging/run2/_COMMIT"), "P signins/tenant_id=a/month=2022-09\nP signins/tenant_id=a/month=2022-10\n");

        new LakePublisher(new Configuration(), lake.toString()).recover();

        assertThat(files()).containsExactly(
                "signins/tenant_id=a/month=2022-09/new.parquet",
                "signins/tenant_id=a/month=2022-10/new.parquet");
    }

    @Test
    void commitAddsTheFilesOfAnExtendedPartitionBesideThoseTheLakeHas()
            throws IOException
    {
        write(lake.resolve("signins/tenant_id=a/month=2022-08/part-1.parquet"), "august");
        write(lake.resolve("signins/tenant_id=b/month=2022-08/part-1.parquet"), "b");
        LakePublisher publisher = new LakePublisher(new Configuration(), lake.toString());
        Path staging = Path.of(publisher.staging("run1").replace("file:", ""));
        write(staging.resolve("signins/tenant_id=a/month=2022-08/part-2.parquet"), "more of august");
        write(staging.resolve("signins/tenant_id=a/month=2022-09/part-2.parquet"), "september");

        publisher.commit("run1", List.of("signins/tenant_id=a/month=2022-09"), List.of("signins/tenant_id=a/month=2022-08"), List.of());

        assertThat(files()).containsExactly(
                "signins/tenant_id=a/month=2022-08/part-1.parquet",
                "signins/tenant_id=a/month=2022-08/part-2.parquet",
                "signins/tenant_id=a/month=2022-09/part-2.parquet",
                "signins/tenant_id=b/month=2022-08/part-1.parquet");
        assertThat(Files.readString(lake.resolve("signins/tenant_id=a/month=2022-08/part-1.parquet"))).isEqualTo("august");
        assertThat(Files.readString(lake.resolve("signins/tenant_id=a/month=2022-08/part-2.parquet"))).isEqualTo("more of august");
    }

    @Test
    void recoverFinishesAnExtensionInterruptedBetweenItsFiles()
            throws IOException
    {
        // the state a crash leaves after one of the two staged files moved in
        write(lake.resolve("signins/tenant_id=a/month=2022-08/part-1.parquet"), "august");
        write(lake.resolve("signins/tenant_id=a/month=2022-08/part-2.parquet"), "moved");
        write(lake.resolve("_staging/run2/signins/tenant_id=a/month=2022-08/part-3.parquet"), "not yet");
        write(lake.resolve("_staging/run2/_COMMIT"), "A signins/tenant_id=a/month=2022-08\n");

        new LakePublisher(new Configuration(), lake.toString()).recover();

        assertThat(files()).containsExactly(
                "signins/tenant_id=a/month=2022-08/part-1.parquet",
                "signins/tenant_id=a/month=2022-08/part-2.parquet",
                "signins/tenant_id=a/month=2022-08/part-3.parquet");
    }

    @Test
    void recoverRemovesAnUncommittedRunAndLeavesThePublishedDataAlone()
            throws IOException
    {
        write(lake.resolve("signins/tenant_id=a/month=2022-09/old.parquet"), "old");
        write(lake.resolve("_staging/run3/signins/tenant_id=a/month=2022-09/half.parquet"), "half");

        new LakePublisher(new Configuration(), lake.toString()).recover();

        assertThat(files()).containsExactly("signins/tenant_id=a/month=2022-09/old.parquet");
    }

    @Test
    void abandonRemovesTheRunsStagingFolderAndTheEmptyStagingRoot()
            throws IOException
    {
        write(lake.resolve("signins/tenant_id=a/month=2022-09/old.parquet"), "old");
        write(lake.resolve("_staging/run4/parsed/part-0.parquet"), "parsed");

        new LakePublisher(new Configuration(), lake.toString()).abandon("run4");

        assertThat(files()).containsExactly("signins/tenant_id=a/month=2022-09/old.parquet");
        assertThat(lake.resolve("_staging")).doesNotExist();
    }

    private List<String> files()
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(lake)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> lake.relativize(path).toString())
                    .filter(name -> !name.endsWith(".crc"))
                    .sorted()
                    .toList();
        }
    }

    private static void write(Path path, String text)
            throws IOException
    {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
