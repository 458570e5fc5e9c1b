package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.sample.SampleFormat;
import io.usagereport.sample.SampleGenerator;
import io.usagereport.sample.SampleOptions;
import io.usagereport.sample.SampleResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {
                "Writes realistic synthetic sign-in exports, OUT/exports/<tenant-id>/<file>, in every supported format,",
                "laid out like the committed sample-data: also OUT/tenants.csv (for --tenants) and OUT/expected-usage.csv",
                "(the distinct users per tenant and protocol that the month's report must show).",
                "The same options always give byte-identical files."})
final class SampleCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the exports")
    Path out;

    @Option(names = "--tenants", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_TENANTS, description = "Tenants (default ${DEFAULT-VALUE})")
    int tenants;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_USERS_PER_TENANT, description = "Users per tenant (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month the exports cover")
    YearMonth month;

    @Option(names = "--rows", paramLabel = "N", description = "Distinct sign-ins per tenant (default " + SampleOptions.DEFAULT_ROWS_PER_USER + " per user)")
    Integer rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_SEED, description = "Seed of every random choice (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Formats to write (default all): ${COMPLETION-CANDIDATES}")
    Set<SampleFormat> formats;

    @Override
    public Integer call()
    {
        SampleOptions.Builder options = SampleOptions.builder(out.resolve("exports"))
                .tenants(tenants)
                .usersPerTenant(users)
                .month(month)
                .seed(seed)
                .tenantsFile(out.resolve("tenants.csv"))
                .expectedUsageFile(out.resolve("expected-usage.csv"));
        if (rows != null) {
            options.rowsPerTenant(rows);
        }
        if (formats != null) {
            options.formats(EnumSet.copyOf(formats));
        }
        SampleResult result;
        try {
            result = SampleGenerator.generate(build(options));
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write the sample exports to " + out + ": " + e.getMessage(), e);
        }
        PrintWriter printer = spec.commandLine().getOut();
        long bytes = 0;
        long written = 0;
        for (SampleResult.WrittenFile file : result.files()) {
            bytes += file.bytes();
            written += file.rows();
        }
        printer.printf("Wrote %,d files (%,d rows, %,d bytes) for %,d tenants to %s%n", result.files().size(), written, bytes, result.tenants().size(), out.resolve("exports"));
        return ExitCodes.OK;
    }

    private static SampleOptions build(SampleOptions.Builder options)
    {
        try {
            return options.build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageReportException(ErrorCode.USAGE, e.getMessage(), e);
        }
    }
}
