package io.usagereport.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFileBins
{
    private static final String TENANT = "303d8fb7-b1cc-4ad8-8e40-a8c14625f4b3";
    private static final String TENANT_A = "0a000000-0000-4000-8000-000000000000";
    private static final String TENANT_B = "0b000000-0000-4000-8000-000000000000";
    private static final String TENANT_C = "0c000000-0000-4000-8000-000000000000";

    @Test
    void eachFileIsATaskOfItsOwnLargestFirstWhenThereAreFewFiles()
    {
        List<List<InputFile>> bins = FileBins.balance(List.of(file("a.csv", 10), file("b.csv", 300), file("c.csv", 20)), 8);

        assertThat(bins).containsExactly(
                List.of(file("b.csv", 300)),
                List.of(file("c.csv", 20)),
                List.of(file("a.csv", 10)));
    }

    @Test
    void manyFilesAreSpreadSoTheTasksCarryAboutTheSameBytes()
    {
        // largest first into the lightest task (the first on a tie): 9 → A, 8 → B, 7 → C, 6 → C (7), 5 → B (8),
        // 4 → A (9), 3 → A (all 13), 2 → B (13), 1 → C (13)
        List<InputFile> files = List.of(
                file("1.csv", 1), file("2.csv", 2), file("3.csv", 3), file("4.csv", 4), file("5.csv", 5),
                file("6.csv", 6), file("7.csv", 7), file("8.csv", 8), file("9.csv", 9));

        List<List<InputFile>> bins = FileBins.balance(files, 3);

        assertThat(bins).containsExactly(
                List.of(file("9.csv", 9), file("4.csv", 4), file("3.csv", 3)),
                List.of(file("8.csv", 8), file("5.csv", 5), file("2.csv", 2)),
                List.of(file("7.csv", 7), file("6.csv", 6), file("1.csv", 1)));
        assertThat(bins.stream().mapToLong(bin -> bin.stream().mapToLong(InputFile::bytes).sum()).toArray())
                .containsExactly(16, 15, 14);
    }

    @Test
    void theHeaviestTaskComesFirst()
    {
        List<List<InputFile>> bins = FileBins.balance(List.of(file("a.csv", 5), file("b.csv", 4), file("c.csv", 3), file("d.csv", 100)), 2);

        assertThat(bins).containsExactly(
                List.of(file("d.csv", 100)),
                List.of(file("a.csv", 5), file("b.csv", 4), file("c.csv", 3)));
    }

    @Test
    void noFilesMakeNoTasks()
    {
        assertThat(FileBins.balance(List.of(), 4)).isEmpty();
        assertThatThrownBy(() -> FileBins.balance(List.of(file("a.csv", 1)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBins must be at least 1: 0");
    }

    @Test
    void byTenantEachTenantsFilesShareATaskInTheOrderOfTheirNames()
    {
        // tenants of 12 (b), 10 (a) and 3 (c) bytes into two tasks: b → 1, a → 2, c → 2 (then 13 bytes, the heavier)
        List<InputFile> files = List.of(
                file(TENANT_A, "z.csv", 6), file(TENANT_B, "y.csv", 7), file(TENANT_A, "x.csv", 4),
                file(TENANT_C, "w.csv", 3), file(TENANT_B, "v.csv", 5));

        List<List<InputFile>> bins = FileBins.balanceByTenant(files, 2);

        assertThat(bins).containsExactly(
                List.of(file(TENANT_A, "x.csv", 4), file(TENANT_A, "z.csv", 6), file(TENANT_C, "w.csv", 3)),
                List.of(file(TENANT_B, "v.csv", 5), file(TENANT_B, "y.csv", 7)));
        assertThat(FileBins.largestTenantBytes(files)).isEqualTo(12);
        assertThat(FileBins.largestTenantBytes(List.of())).isZero();
    }

    @Test
    void byTenantNamesAreOrderedByTheirUtf8BytesAsSparkOrdersStrings()
    {
        // U+FF21 (UTF-8 EF BC A1) comes before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16 (FF21 > D83D)
        List<InputFile> files = List.of(file(TENANT_A, "\uD83D\uDE00.csv", 1), file(TENANT_A, "\uFF21.csv", 1), file(TENANT_A, "a.csv", 1));

        assertThat(FileBins.balanceByTenant(files, 4)).containsExactly(
                List.of(file(TENANT_A, "a.csv", 1), file(TENANT_A, "\uFF21.csv", 1), file(TENANT_A, "\uD83D\uDE00.csv", 1)));
    }

    private static InputFile file(String name, long bytes)
    {
        return file(TENANT, name, bytes);
    }

    private static InputFile file(String tenant, String name, long bytes)
    {
        return new InputFile("/exports/" + tenant + "/" + name, tenant, "/exports/" + tenant + "/" + name, bytes);
    }
}
