package io.usagereport.reports.render;

import io.usagereport.reports.Messages;
import io.usagereport.reports.TenantReport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.usagereport.reports.render.Html.escape;
import static java.util.Objects.requireNonNull;

/**
 * {@code report.html} and {@code index.html}: standalone pages with inline CSS that read offline; charts are sibling
 * PNG files referenced by relative paths.
 */
public final class ReportPage
{
    static final String STYLE = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f5f5f5; color: #242424; font: 15px/1.55 "Segoe UI", "Helvetica Neue", Arial, \
            "Hiragino Sans", "Yu Gothic", Meiryo, "IPAexGothic", "Noto Sans CJK JP", sans-serif; }
            main { max-width: 1240px; margin: 24px auto; background: #fff; border: 1px solid #e0e0e0; border-radius: 8px; padding: 24px 32px 32px; }
            header { border-bottom: 1px solid #e0e0e0; margin-bottom: 16px; padding-bottom: 12px; }
            .service { color: #616161; font-size: 13px; margin: 0 0 4px; }
            h1 { font-size: 24px; line-height: 1.3; margin: 0 0 10px; font-weight: 600; }
            h2 { font-size: 18px; margin: 28px 0 8px; font-weight: 600; }
            h3 { font-size: 15px; margin: 18px 0 6px; font-weight: 600; }
            .meta { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 0; color: #424242; font-size: 13px; }
            .badge { display: inline-block; border-radius: 4px; padding: 1px 8px; font-weight: 600; font-size: 12px; }
            .severity-high { background: #fde7e9; color: #a80000; }
            .severity-normal { background: #ebf3fc; color: #0f548c; }
            table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; width: 100%; }
            th, td { border: 1px solid #e0e0e0; padding: 5px 8px; text-align: left; vertical-align: top; }
            thead th { background: #fafafa; font-weight: 600; white-space: nowrap; }
            td.date { white-space: nowrap; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            caption { caption-side: top; text-align: left; color: #616161; font-size: 12px; padding-bottom: 4px; }
            ul.actions { margin: 0; padding-left: 18px; }
            ul.report-lines { list-style: none; padding: 0; margin: 8px 0; }
            ul.report-lines li { padding: 2px 0; font-weight: 600; }
            .state { white-space: nowrap; font-weight: 600; }
            .state-scheduled, .state-disabled { color: #a80000; }
            .state-opted_out, .state-re_enabled, .state-enabled_until_year_end { color: #8a3707; }
            .state-permanently_disabled { color: #424242; }
            .state-not_affected { color: #0e700e; }
            td.user-agent code { font-size: 12px; word-break: break-all; }
            figure.chart { margin: 16px 0 4px; }
            figure.chart img { display: block; width: 100%; max-width: 1200px; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 12px; color: #616161; }
            table.chart-data { width: auto; min-width: 40%; }
            table.data-quality { width: auto; }
            footer { margin-top: 28px; color: #616161; font-size: 12px; border-top: 1px solid #e0e0e0; padding-top: 8px; }
            a { color: #0f6cbd; }
            @media print { body { background: #fff; } main { border: 0; margin: 0; max-width: none; } }
            """;

    /**
     * What the page header shows of the post.
     *
     * @param actionRequiredBy the next deadline; empty when none
     */
    public record Header(String id, String title, TenantReport.Severity severity, Optional<LocalDate> actionRequiredBy, LocalDate published)
    {
        public Header
        {
            requireNonNull(id, "id is null");
            requireNonNull(title, "title is null");
            requireNonNull(severity, "severity is null");
            requireNonNull(actionRequiredBy, "actionRequiredBy is null");
            requireNonNull(published, "published is null");
        }
    }

    /** One line of the month's index. */
    public record IndexEntry(Header header, String tenantId, String tenantName)
    {
        public IndexEntry
        {
            requireNonNull(header, "header is null");
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(tenantName, "tenantName is null");
        }
    }

    private ReportPage() {}

    /** The tenant's {@code report.html}. */
    public static String report(TenantReport report, Messages messages, Header header, String bodyHtml)
    {
        StringBuilder html = new StringBuilder();
        start(html, messages, header.title());
        html.append("<header>\n<p class=\"service\">").append(escape(messages.text("service.exchangeOnline"))).append(" \u00b7 ")
                .append(escape(header.id())).append("</p>\n");
        html.append("<h1>").append(escape(header.title())).append("</h1>\n<p class=\"meta\">");
        html.append("<span>").append(escape(messages.text("page.published",
                "asOf", messages.date(header.published()),
                "month", messages.month(report.usage().month()),
                "tenant", report.tenant().displayName()))).append("</span>");
        html.append("<span class=\"badge severity-").append(header.severity().code()).append("\">")
                .append(escape(messages.text("index.column.severity"))).append(": ")
                .append(escape(messages.text("severity." + header.severity().code()))).append("</span>");
        if (header.actionRequiredBy().isPresent()) {
            html.append("<span class=\"act-by\">").append(escape(messages.text("index.column.actionRequiredBy"))).append(": ")
                    .append(escape(messages.date(header.actionRequiredBy().get()))).append("</span>");
        }
        html.append("<span>").append(escape(messages.text("page.tenantId", "tenantId", report.usage().tenantId()))).append("</span>");
        html.append("</p>\n</header>\n<article class=\"post-body\">\n").append(bodyHtml).append("</article>\n");
        html.append("<footer>").append(escape(messages.text("page.footer",
                "month", messages.month(report.usage().month()),
                "asOf", messages.date(report.asOf())))).append("</footer>\n");
        end(html);
        return html.toString();
    }

    /** The month's {@code index.html}: one row per post, most severe first, then by tenant name. */
    public static String index(java.time.YearMonth month, LocalDate asOf, Messages messages, List<IndexEntry> entries)
    {
        String title = messages.text("index.title", "month", messages.month(month));
        StringBuilder html = new StringBuilder();
        start(html, messages, title);
        html.append("<header>\n<p class=\"service\">").append(escape(messages.text("service.exchangeOnline"))).append("</p>\n<h1>")
                .append(escape(title)).append("</h1>\n<p class=\"meta\">")
                .append(escape(messages.text("index.intro", "count", messages.number(entries.size()), "asOf", messages.date(asOf))))
                .append("</p>\n</header>\n");
        html.append("<table class=\"index\">\n<thead><tr>");
        for (String key : List.of("index.column.message", "index.column.tenant", "index.column.severity", "index.column.actionRequiredBy",
                "index.column.published", "index.column.id")) {
            html.append("<th scope=\"col\">").append(escape(messages.text(key))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        List<IndexEntry> sorted = entries.stream()
                .sorted(java.util.Comparator.comparing((IndexEntry entry) -> entry.header().severity() != TenantReport.Severity.HIGH)
                        .thenComparing(IndexEntry::tenantName)
                        .thenComparing(IndexEntry::tenantId))
                .toList();
        for (IndexEntry entry : sorted) {
            Header header = entry.header();
            html.append("<tr data-tenant=\"").append(escape(entry.tenantId())).append("\">");
            html.append("<td><a href=\"").append(escape(entry.tenantId())).append("/report.html\">").append(escape(header.title())).append("</a></td>");
            html.append("<td>").append(escape(entry.tenantName())).append("</td>");
            html.append("<td><span class=\"badge severity-").append(header.severity().code()).append("\">")
                    .append(escape(messages.text("severity." + header.severity().code()))).append("</span></td>");
            html.append("<td>").append(escape(header.actionRequiredBy().map(messages::date).orElse(messages.text("protocols.noDeadline")))).append("</td>");
            html.append("<td>").append(escape(messages.date(header.published()))).append("</td>");
            html.append("<td>").append(escape(header.id())).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        end(html);
        return html.toString();
    }

    private static void start(StringBuilder html, Messages messages, String title)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(messages.reportLocale().tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
    }

    private static void end(StringBuilder html)
    {
        html.append("</main>\n</body>\n</html>\n");
    }
}
