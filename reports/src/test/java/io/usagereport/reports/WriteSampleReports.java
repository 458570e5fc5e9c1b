package io.usagereport.reports;

import java.nio.file.Path;

/** Writes the test month's reports to a folder, to look at them: {@code WriteSampleReports OUT}. */
public final class WriteSampleReports
{
    private WriteSampleReports() {}

    public static void main(String[] arguments)
    {
        for (ReportLocale locale : ReportLocale.values()) {
            ReportWriter.builder(Path.of(arguments[0]).resolve(locale.tag()))
                    .tenants(TestingUsages.tenants())
                    .locale(locale)
                    .build()
                    .write(TestingUsages.MONTH, TestingUsages.usages());
        }
    }
}
