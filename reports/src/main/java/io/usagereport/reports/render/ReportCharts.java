package io.usagereport.reports.render;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.ChartFormat;
import io.usagereport.reports.Messages;
import io.usagereport.reports.ProtocolUsage;
import io.usagereport.reports.TenantReport;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three charts of a report, as localized numbers: users by protocol (bar), successful and failed requests by
 * protocol (stacked bar), users by month (line). A tenant without Basic-auth use gets no chart.
 */
public final class ReportCharts
{
    /** The charts' names: their file names without the format's extension. */
    public static final String PROTOCOLS = "chart-protocols";
    public static final String REQUESTS = "chart-requests";
    public static final String HISTORY = "chart-history";

    private ReportCharts() {}

    /** The report's charts, to be written in {@code format}; empty for a tenant without Basic-auth use. */
    public static List<ChartData> of(TenantReport report, Messages messages, ChartFormat format)
    {
        if (!report.basicAuthInUse()) {
            return List.of();
        }
        String month = messages.month(report.usage().month());
        List<String> protocols = new ArrayList<>();
        List<Optional<Long>> users = new ArrayList<>();
        List<Optional<Long>> usersAttempting = new ArrayList<>();
        List<Optional<Long>> successful = new ArrayList<>();
        List<Optional<Long>> failed = new ArrayList<>();
        for (ProtocolUsage usage : report.usage().protocols()) {
            protocols.add(shortName(messages, usage.protocol()));
            users.add(Optional.of(usage.users()));
            usersAttempting.add(Optional.of(usage.usersAttempting()));
            successful.add(Optional.of(usage.successfulRequests()));
            failed.add(Optional.of(usage.failedRequests()));
        }
        ChartData byProtocol = new ChartData(
                PROTOCOLS,
                format,
                ChartData.Kind.BAR,
                messages.text("chart.protocols.title", "month", month),
                messages.text("chart.category"),
                messages.text("chart.protocols.axis"),
                List.of(messages.text("chart.protocols.users"), messages.text("chart.protocols.usersAttempting")),
                protocols,
                List.of(users, usersAttempting));
        ChartData requests = new ChartData(
                REQUESTS,
                format,
                ChartData.Kind.STACKED_BAR,
                messages.text("chart.requests.title", "month", month),
                messages.text("chart.category"),
                messages.text("chart.requests.axis"),
                List.of(messages.text("chart.requests.successful"), messages.text("chart.requests.failed")),
                protocols,
                List.of(successful, failed));

        List<String> months = new ArrayList<>();
        for (YearMonth value : report.historyMonths()) {
            months.add(messages.shortMonth(value));
        }
        List<String> series = new ArrayList<>();
        List<List<Optional<Long>>> values = new ArrayList<>();
        for (Map.Entry<Protocol, List<Optional<Long>>> entry : report.usersByMonth().entrySet()) {
            series.add(shortName(messages, entry.getKey()));
            values.add(entry.getValue());
        }
        ChartData history = new ChartData(
                HISTORY,
                format,
                ChartData.Kind.LINE,
                messages.text("chart.history.title"),
                messages.text("chart.month"),
                messages.text("chart.history.axis"),
                series,
                months,
                values);
        return List.of(byProtocol, requests, history);
    }

    static String shortName(Messages messages, Protocol protocol)
    {
        return messages.text("protocolShort." + protocol.name());
    }
}
