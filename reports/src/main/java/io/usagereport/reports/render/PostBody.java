package io.usagereport.reports.render;

import io.usagereport.ingest.Protocol;
import io.usagereport.reports.Messages;
import io.usagereport.reports.ProtocolUsage;
import io.usagereport.reports.ReportLine;
import io.usagereport.reports.TenantReport;
import io.usagereport.reports.UserUsage;
import io.usagereport.reports.policy.Action;
import io.usagereport.reports.policy.Cloud;
import io.usagereport.reports.policy.DeprecationPolicy;
import io.usagereport.reports.policy.ProtocolStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.usagereport.reports.render.Html.escape;

/**
 * The HTML of a post's body: the same content in {@code message.json} (without charts) and in {@code report.html}
 * (with each chart and the table of its numbers). Every value from the logs and every text is escaped.
 */
public final class PostBody
{
    /** Users listed per protocol. */
    public static final int TOP_USERS_PER_PROTOCOL = 5;

    private final TenantReport report;
    private final Messages messages;
    private final StringBuilder html = new StringBuilder();

    private PostBody(TenantReport report, Messages messages)
    {
        this.report = report;
        this.messages = messages;
    }

    /** The body of {@code message.json}: no charts (the Message Center cannot show the tenant's files). */
    public static String messageBody(TenantReport report, Messages messages)
    {
        PostBody body = new PostBody(report, messages);
        body.render(List.of());
        return body.html.toString();
    }

    /** The body of {@code report.html}: charts referenced by their sibling file names, each followed by its table. */
    public static String pageBody(TenantReport report, Messages messages, List<ChartData> charts)
    {
        PostBody body = new PostBody(report, messages);
        body.render(charts);
        return body.html.toString();
    }

    private void render(List<ChartData> charts)
    {
        String tenant = report.tenant().displayName();
        String month = messages.month(report.usage().month());
        if (!report.basicAuthInUse()) {
            paragraph(messages.text("intro.notAffected", "tenant", tenant, "month", month));
            dataQuality();
            return;
        }
        DeprecationPolicy.Timeline timeline = report.timeline();
        paragraph(messages.text("intro.change", "disablementStarts", messages.date(timeline.disablementStarts())));
        paragraph(messages.text(report.affected() ? "intro.affected" : "intro.unaffectedProtocolsOnly", "tenant", tenant, "month", month));
        if (report.tenant().cloud() == Cloud.GCC) {
            paragraph(messages.text("intro.gcc"));
        }
        reportLines(month);
        protocols();
        chart(charts, ReportCharts.PROTOCOLS);
        chart(charts, ReportCharts.REQUESTS);
        trend();
        chart(charts, ReportCharts.HISTORY);
        topUsers();
        dates();
        block();
        dataQuality();
    }

    private void reportLines(String month)
    {
        heading(messages.text("lines.heading", "month", month));
        html.append("<ul class=\"report-lines\">\n");
        for (ReportLine line : ReportLine.values()) {
            html.append("<li>")
                    .append(escape(messages.text("lines.item",
                            "label", messages.text(line.messageKey()),
                            "users", messages.number(report.usage().reportLineUsers().get(line)))))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
        paragraph(messages.text("lines.caveat"));
    }

    private void protocols()
    {
        heading(messages.text("protocols.heading"));
        html.append("<table class=\"protocols\">\n<thead><tr>");
        headerCells("protocols.column.protocol", "protocols.column.requests", "protocols.column.users", "protocols.column.usersAttempting",
                "protocols.column.successfulRequests", "protocols.column.failedRequests", "protocols.column.state",
                "protocols.column.deadline", "protocols.column.actions");
        html.append("</tr></thead>\n<tbody>\n");
        for (ProtocolUsage usage : report.usage().protocols()) {
            ProtocolStatus status = report.statuses().get(usage.protocol());
            html.append("<tr data-protocol=\"").append(usage.protocol().name()).append("\" data-state=\"").append(status.state().code()).append("\">");
            textCell(protocolName(usage.protocol()));
            numberCell(usage.requests());
            numberCell(usage.users());
            numberCell(usage.usersAttempting());
            numberCell(usage.successfulRequests());
            numberCell(usage.failedRequests());
            html.append("<td><span class=\"state state-").append(status.state().code()).append("\">")
                    .append(escape(messages.text(status.state().messageKey()))).append("</span></td>");
            html.append("<td class=\"date\">")
                    .append(escape(status.deadline().map(messages::date).orElse(messages.text("protocols.noDeadline")))).append("</td>");
            html.append("<td><ul class=\"actions\">");
            for (Action action : status.actions()) {
                html.append("<li>").append(escape(actionText(messages, report.timeline(), action))).append("</li>");
            }
            html.append("</ul></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (report.statuses().containsKey(Protocol.SMTP_AUTH)) {
            paragraph(messages.text("protocols.smtpNote"));
        }
    }

    /** The localized text of an action, with the timeline's dates filled in. */
    public static String actionText(Messages messages, DeprecationPolicy.Timeline timeline, Action action)
    {
        return messages.text(action.messageKey(),
                "optOutCloses", messages.date(timeline.optOutCloses()),
                "reEnableEnds", messages.date(timeline.reEnableEnds()));
    }

    private void chart(List<ChartData> charts, String name)
    {
        for (ChartData chart : charts) {
            if (!chart.name().equals(name)) {
                continue;
            }
            html.append("<figure class=\"chart\">\n<img src=\"").append(escape(chart.fileName()))
                    .append("\" width=\"").append(ChartRenderer.WIDTH).append("\" height=\"").append(ChartRenderer.HEIGHT)
                    .append("\" alt=\"").append(escape(chart.title())).append("\">\n");
            html.append("<figcaption>").append(escape(chart.title())).append("</figcaption>\n</figure>\n");
            html.append("<table class=\"chart-data\" data-chart=\"").append(escape(chart.fileName())).append("\">\n<caption>")
                    .append(escape(messages.text("chart.tableCaption"))).append("</caption>\n<thead><tr><th scope=\"col\">")
                    .append(escape(chart.categoryAxis())).append("</th>");
            for (String series : chart.series()) {
                html.append("<th scope=\"col\">").append(escape(series)).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (int category = 0; category < chart.categories().size(); category++) {
                html.append("<tr><th scope=\"row\">").append(escape(chart.categories().get(category))).append("</th>");
                for (int series = 0; series < chart.series().size(); series++) {
                    Optional<Long> value = chart.values().get(series).get(category);
                    if (value.isPresent()) {
                        numberCell(value.get());
                    }
                    else {
                        textCell(messages.text("trend.noData"));
                    }
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private void trend()
    {
        YearMonth month = report.usage().month();
        YearMonth previous = month.minusMonths(1);
        heading(messages.text("trend.heading"));
        if (report.monthOverMonth().stream().allMatch(row -> row.previousUsers().isEmpty())) {
            paragraph(messages.text("trend.noPreviousMonth", "month", messages.month(previous)));
        }
        html.append("<table class=\"trend\">\n<thead><tr>");
        headerCell(messages.text("trend.column.protocol"));
        headerCell(messages.text("trend.column.previousUsers", "month", messages.month(previous)));
        headerCell(messages.text("trend.column.users", "month", messages.month(month)));
        headerCell(messages.text("trend.column.usersChange"));
        headerCell(messages.text("trend.column.previousRequests", "month", messages.month(previous)));
        headerCell(messages.text("trend.column.requests", "month", messages.month(month)));
        headerCell(messages.text("trend.column.newUsers"));
        headerCell(messages.text("trend.column.stoppedUsers"));
        html.append("</tr></thead>\n<tbody>\n");
        for (TenantReport.MonthOverMonth row : report.monthOverMonth()) {
            html.append("<tr data-protocol=\"").append(row.protocol().name()).append("\">");
            textCell(protocolName(row.protocol()));
            optionalNumberCell(row.previousUsers());
            numberCell(row.users());
            if (row.usersChange().isPresent()) {
                html.append("<td class=\"number\">").append(escape(messages.signedNumber(row.usersChange().get()))).append("</td>");
            }
            else {
                textCell(messages.text("trend.noData"));
            }
            optionalNumberCell(row.previousRequests());
            numberCell(row.requests());
            optionalNumberCell(row.newUsers());
            optionalNumberCell(row.stoppedUsers());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void topUsers()
    {
        heading(messages.text("topUsers.heading"));
        if (report.usage().topUsers().isEmpty()) {
            paragraph(messages.text("topUsers.none"));
            return;
        }
        paragraph(messages.text("topUsers.intro"));
        for (ProtocolUsage usage : report.usage().protocols()) {
            List<UserUsage> users = report.topUsers(usage.protocol(), TOP_USERS_PER_PROTOCOL);
            if (users.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(escape(protocolName(usage.protocol()))).append("</h3>\n");
            html.append("<table class=\"top-users\" data-protocol=\"").append(usage.protocol().name()).append("\">\n<thead><tr>");
            headerCells("topUsers.column.user", "topUsers.column.displayName", "topUsers.column.requests", "topUsers.column.successfulRequests",
                    "topUsers.column.failedRequests", "topUsers.column.distinctIps", "topUsers.column.userAgent", "topUsers.column.hint");
            html.append("</tr></thead>\n<tbody>\n");
            for (UserUsage user : users) {
                html.append("<tr>");
                textCell(user.userPrincipalName());
                textCell(user.displayName().orElse(""));
                numberCell(user.requests());
                numberCell(user.successfulRequests());
                numberCell(user.failedRequests());
                numberCell(user.distinctIps());
                html.append("<td class=\"user-agent\"><code>").append(escape(user.topUserAgent().orElse(""))).append("</code></td>");
                textCell(messages.text(UserAgentHint.of(user.topUserAgent()).messageKey()));
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private void dates()
    {
        DeprecationPolicy.Timeline timeline = report.timeline();
        heading(messages.text("dates.heading"));
        html.append("<ul class=\"dates\">\n");
        listItem(messages.text("dates.optOutCloses", "date", messages.date(timeline.optOutCloses())));
        listItem(messages.text("dates.disablementStarts", "date", messages.date(timeline.disablementStarts())));
        listItem(messages.text("dates.reEnableEnds", "date", messages.date(timeline.reEnableEnds())));
        listItem(messages.text("dates.permanent",
                "start", messages.date(timeline.permanentDisablementStarts()),
                "end", messages.date(timeline.permanentDisablementEnds())));
        html.append("</ul>\n");
    }

    private void block()
    {
        heading(messages.text("block.heading"));
        paragraph(messages.text("block.text"));
        paragraph(messages.text("block.risk"));
    }

    private void dataQuality()
    {
        heading(messages.text("quality.heading"));
        html.append("<table class=\"data-quality\">\n<tbody>\n");
        qualityRow("quality.rowsRead", report.usage().dataQuality().rowsRead());
        qualityRow("quality.rejected", report.usage().dataQuality().rejected());
        qualityRow("quality.duplicates", report.usage().dataQuality().duplicates());
        qualityRow("quality.signIns", report.usage().signIns());
        qualityRow("quality.daysWithoutData", report.usage().dataQuality().daysWithoutData().size());
        html.append("</tbody>\n</table>\n");
        List<LocalDate> days = report.usage().dataQuality().daysWithoutData();
        if (days.isEmpty()) {
            paragraph(messages.text("quality.complete"));
            return;
        }
        List<String> dates = new ArrayList<>();
        for (LocalDate day : days) {
            dates.add(messages.date(day));
        }
        paragraph(messages.text("quality.daysWithoutDataList", "dates", String.join(messages.text("quality.listSeparator"), dates)));
    }

    private void qualityRow(String key, long value)
    {
        html.append("<tr><th scope=\"row\">").append(escape(messages.text(key))).append("</th>");
        numberCell(value);
        html.append("</tr>\n");
    }

    private String protocolName(Protocol protocol)
    {
        return messages.text("protocol." + protocol.name());
    }

    private void heading(String text)
    {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    private void paragraph(String text)
    {
        html.append("<p>").append(escape(text)).append("</p>\n");
    }

    private void listItem(String text)
    {
        html.append("<li>").append(escape(text)).append("</li>\n");
    }

    private void headerCells(String... keys)
    {
        for (String key : keys) {
            headerCell(messages.text(key));
        }
    }

    private void headerCell(String text)
    {
        html.append("<th scope=\"col\">").append(escape(text)).append("</th>");
    }

    private void textCell(String text)
    {
        html.append("<td>").append(escape(text)).append("</td>");
    }

    private void numberCell(long value)
    {
        html.append("<td class=\"number\">").append(escape(messages.number(value))).append("</td>");
    }

    private void optionalNumberCell(Optional<Long> value)
    {
        if (value.isPresent()) {
            numberCell(value.get());
        }
        else {
            textCell(messages.text("trend.noData"));
        }
    }
}
