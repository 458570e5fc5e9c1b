package io.usagereport.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSampleGenerator
{
    @TempDir
    Path temporary;

    private SampleOptions.Builder small(Path directory)
    {
        return SampleOptions.builder(directory).tenants(6).usersPerTenant(10).rowsPerTenant(50).month(YearMonth.of(2023, 2)).seed(42);
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles()
            throws IOException
    {
        SampleResult first = SampleGenerator.generate(small(temporary.resolve("first")).build());
        SampleResult second = SampleGenerator.generate(small(temporary.resolve("second")).build());
        List<Path> files = TestCommittedSampleData.relativeFiles(temporary.resolve("first"));
        assertThat(files).hasSize(6 * 2 + 1 + 1);
        assertThat(TestCommittedSampleData.relativeFiles(temporary.resolve("second"))).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.mismatch(temporary.resolve("first").resolve(file), temporary.resolve("second").resolve(file)))
                    .as(file.toString()).isEqualTo(-1L);
        }
        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(second.tenants()).isEqualTo(first.tenants());
    }

    @Test
    void anotherSeedGivesOtherTenants()
            throws IOException
    {
        SampleResult first = SampleGenerator.generate(small(temporary.resolve("first")).tenants(2).build());
        SampleResult other = SampleGenerator.generate(small(temporary.resolve("other")).tenants(2).seed(43).build());
        Set<String> ids = new HashSet<>();
        first.tenants().forEach(tenant -> ids.add(tenant.tenantId()));
        assertThat(other.tenants()).noneMatch(tenant -> ids.contains(tenant.tenantId()));
    }

    @Test
    void tenantsBeyondTheFiveSituationsRepeatThemUnderOtherNames()
            throws IOException
    {
        SampleResult result = SampleGenerator.generate(small(temporary).build());
        assertThat(result.tenants()).extracting(SampleResult.TenantSummary::name).containsExactly(
                "Contoso Japan K.K.", "Fabrikam Print & Design", "Tailspin Toys GmbH", "Woodgrove County Government",
                "Litware Dental Clinic", "Contoso Japan K.K. 2");
        String sixth = result.tenants().get(5).tenantId();
        List<ExportRows.Row> rows = ExportRows.read(temporary.resolve(sixth).resolve("InteractiveSignIns_2023-01-31_2023-02-15.csv"));
        assertThat(rows).isNotEmpty().allMatch(row -> row.userPrincipalName().endsWith("@contoso2.co.jp"));
    }

    @Test
    void resultDescribesTheFiles()
            throws IOException
    {
        SampleResult result = SampleGenerator.generate(small(temporary).tenants(1).build());
        assertThat(result.files()).extracting(file -> file.path().getFileName().toString()).containsExactly(
                "InteractiveSignIns_2023-01-31_2023-02-15.csv", "NonInteractiveSignIns_2023-01-31_2023-03-01.csv",
                "graph-signIns_2023-02-10_2023-03-01.json");
        assertThat(result.files()).extracting(SampleResult.WrittenFile::format).containsExactly(
                SampleFormat.ENTRA_CSV, SampleFormat.ENTRA_CSV, SampleFormat.GRAPH_JSON_PAGES);
        long rows = 0;
        for (SampleResult.WrittenFile file : result.files()) {
            assertThat(file.bytes()).isEqualTo(Files.size(file.path()));
            assertThat(file.tenantId()).isEqualTo(result.tenants().get(0).tenantId());
            assertThat((long) ExportRows.read(file.path()).size()).isEqualTo(file.rows());
            rows += file.rows() - file.malformedRows();
        }
        assertThat(result.files().get(1).malformedRows()).isEqualTo(3);
        SampleResult.TenantSummary tenant = result.tenants().get(0);
        assertThat(tenant.signIns()).isEqualTo(50);
        assertThat(rows).isEqualTo(tenant.signIns() + tenant.duplicateRows());
        assertThat(tenant.duplicateRows()).isPositive();
        assertThat(tenant.basicAuthRequests()).isEqualTo(result.usage().stream()
                .mapToLong(SampleResult.ProtocolUsage::requests).sum());
    }

    @Test
    void formatsLeftOutFallBackToThePortalCsv()
            throws IOException
    {
        SampleResult result = SampleGenerator.generate(small(temporary)
                .formats(EnumSet.of(SampleFormat.ENTRA_CSV, SampleFormat.GRAPH_JSON_LINES)).build());
        assertThat(result.files()).extracting(SampleResult.WrittenFile::format)
                .containsOnly(SampleFormat.ENTRA_CSV, SampleFormat.GRAPH_JSON_LINES);
        for (SampleResult.TenantSummary tenant : result.tenants()) {
            Set<String> ids = new HashSet<>();
            for (SampleResult.WrittenFile file : result.files()) {
                if (file.tenantId().equals(tenant.tenantId())) {
                    for (ExportRows.Row row : ExportRows.read(file.path())) {
                        ids.add(row.id());
                    }
                }
            }
            // every sign-in is still written once at least (plus the three malformed rows of the first tenants)
            assertThat(ids.size() - tenant.malformedRows()).isEqualTo(tenant.signIns());
        }
        assertThat(result.files()).extracting(file -> file.path().getFileName().toString())
                .contains("InteractiveSignIns_2023-01-31_2023-03-01.csv", "NonInteractiveSignIns_2023-01-31_2023-03-01.csv");
    }

    @Test
    void defaultsAndValidation()
    {
        SampleOptions defaults = SampleOptions.builder(temporary).build();
        assertThat(defaults.tenants()).isEqualTo(5);
        assertThat(defaults.usersPerTenant()).isEqualTo(40);
        assertThat(defaults.month()).isEqualTo(YearMonth.of(2022, 9));
        assertThat(defaults.seed()).isEqualTo(20220901L);
        assertThat(defaults.effectiveRowsPerTenant()).isEqualTo(600);
        assertThat(defaults.formats()).isEqualTo(EnumSet.allOf(SampleFormat.class));
        assertThat(defaults.tenantsFile()).isEmpty();

        assertThatThrownBy(() -> SampleOptions.builder(temporary).tenants(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tenant count: 0; expected 1 to 10000");
        assertThatThrownBy(() -> SampleOptions.builder(temporary).usersPerTenant(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid users per tenant: 0; expected 1 to 1000000");
        assertThatThrownBy(() -> SampleOptions.builder(temporary).rowsPerTenant(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid rows per tenant: 0; expected at least 1");
        assertThatThrownBy(() -> SampleOptions.builder(temporary).formats(EnumSet.noneOf(SampleFormat.class)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid formats: none chosen");
    }

    @Test
    void oneUserAndOneRowStillWork()
            throws IOException
    {
        SampleResult result = SampleGenerator.generate(SampleOptions.builder(temporary).tenants(5).usersPerTenant(1)
                .rowsPerTenant(1).build());
        assertThat(result.tenants()).allSatisfy(tenant -> assertThat(tenant.signIns()).isEqualTo(1));
        for (SampleResult.WrittenFile file : result.files()) {
            assertThat((long) ExportRows.read(file.path()).size()).isEqualTo(file.rows());
        }
    }
}
