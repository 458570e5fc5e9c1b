package io.usagereport.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Regenerates the committed sample data: {@code sample-data/exports/}, {@code sample-data/tenants.csv} and
 * {@code sample-data/expected-usage.csv}, with the options of {@link #options}. The simplest way, from the
 * repository root: {@code mvn -q -pl sample-data -am test -Dtest=TestCommittedSampleData
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsample.regenerate=true}; or run this class with the module's runtime
 * class path and the sample-data directory as the only argument.
 */
public final class RegenerateSampleData
{
    private RegenerateSampleData() {}

    /** The options the committed data was generated with. */
    static SampleOptions options(Path sampleDataDirectory)
    {
        return SampleOptions.builder(sampleDataDirectory.resolve("exports"))
                .tenants(5)
                .usersPerTenant(40)
                .month(YearMonth.of(2022, 9))
                .rowsPerTenant(400)
                .seed(SampleOptions.DEFAULT_SEED)
                .tenantsFile(sampleDataDirectory.resolve("tenants.csv"))
                .expectedUsageFile(sampleDataDirectory.resolve("expected-usage.csv"))
                .build();
    }

    public static void main(String[] arguments)
            throws IOException
    {
        Path directory = arguments.length > 0 ? Path.of(arguments[0]) : defaultDirectory();
        SampleGenerator.generate(options(directory));
    }

    private static Path defaultDirectory()
    {
        Path fromRoot = Path.of("sample-data");
        if (fromRoot.resolve("pom.xml").toFile().isFile()) {
            return fromRoot;
        }
        return Path.of(".");
    }
}
