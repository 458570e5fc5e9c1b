package io.usagereport.cli;

import io.usagereport.reports.ChartFormat;
import io.usagereport.reports.ReportLocale;
import io.usagereport.reports.policy.TenantDirectory;
import io.usagereport.reports.policy.TenantSettingsReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The options of the report stage, shared by {@code report}, {@code run} and {@code demo}.
 */
final class ReportOptions
{
    static final String CHARTS_DESCRIPTION = "File format of the charts in report.html: svg (default: small, quick to write, sharp at any zoom, "
            + "text drawn by the viewer's fonts) or png (2400x1400 images, for mail clients and viewers that do not show SVG)";

    @Option(names = "--tenants", paramLabel = "FILE",
            description = "Tenants file (CSV: tenant_id,name,cloud,opted_out,re_enabled,disabled_on); a tenant missing from it is commercial with no opt-out or re-enable")
    Path tenants;

    @Option(names = "--locale", paramLabel = "en|ja", defaultValue = "en", converter = LocaleConverter.class,
            description = "Language of the posts: en (default) or ja")
    ReportLocale locale;

    @Option(names = "--charts", paramLabel = "svg|png", defaultValue = "svg", converter = ChartFormatConverter.class,
            description = CHARTS_DESCRIPTION)
    ChartFormat charts;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The publication date the deprecation states and deadlines hold on (default: the first day of the following month)")
    LocalDate asOf;

    TenantDirectory tenantDirectory()
    {
        return tenants == null ? TenantDirectory.empty() : TenantSettingsReader.read(tenants);
    }

    Optional<LocalDate> asOf()
    {
        return Optional.ofNullable(asOf);
    }

    static final class ChartFormatConverter
            implements ITypeConverter<ChartFormat>
    {
        @Override
        public ChartFormat convert(String value)
        {
            return ChartFormat.fromName(value)
                    .orElseThrow(() -> new TypeConversionException("Invalid chart format: '" + value + "'; expected svg or png"));
        }
    }

    static final class LocaleConverter
            implements ITypeConverter<ReportLocale>
    {
        @Override
        public ReportLocale convert(String value)
        {
            return ReportLocale.fromTag(value)
                    .orElseThrow(() -> new TypeConversionException("Invalid locale: '" + value + "'; expected en or ja"));
        }
    }
}
