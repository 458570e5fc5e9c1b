package io.usagereport.cli;

import io.usagereport.reports.ChartFormat;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestReportOptions
{
    @Test
    void chartsAreSvgUnlessPngIsAsked()
    {
        assertThat(parse().charts).isEqualTo(ChartFormat.SVG);
        assertThat(parse("--charts", "png").charts).isEqualTo(ChartFormat.PNG);
        assertThat(parse("--charts", "PNG").charts).isEqualTo(ChartFormat.PNG);
        assertThat(parse("--charts", "svg").charts).isEqualTo(ChartFormat.SVG);
    }

    @Test
    void anotherChartFormatIsAUsageError()
    {
        TestIngestCommand.Result result = TestIngestCommand.run("report", "--charts", "gif", "--lake", "lake", "--out", "out", "--month", "2022-09");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("usage-report: Invalid value for option '--charts': Invalid chart format: 'gif'; expected svg or png\n"
                + "Try 'usage-report report --help' for more information.\n");
    }

    @Test
    void everyCommandThatWritesReportsOffersTheChartFormat()
    {
        CommandLine commandLine = UsageReport.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());
        for (String command : List.of("report", "run", "demo")) {
            OptionSpec charts = commandLine.getSubcommands().get(command).getCommandSpec().findOption("--charts");
            assertThat(charts).as(command).isNotNull();
            assertThat(charts.defaultValue()).as(command).isEqualTo("svg");
            assertThat(charts.paramLabel()).as(command).isEqualTo("svg|png");
            assertThat(String.join(" ", charts.description())).as(command).isEqualTo(ReportOptions.CHARTS_DESCRIPTION);
        }
    }

    private static ReportOptions parse(String... args)
    {
        ReportOptions options = new ReportOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
