package io.usagereport.reports.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.usagereport.ingest.Protocol;
import io.usagereport.reports.Messages;
import io.usagereport.reports.ProtocolUsage;
import io.usagereport.reports.ReportLine;
import io.usagereport.reports.TenantReport;
import io.usagereport.reports.UserUsage;
import io.usagereport.reports.policy.Action;
import io.usagereport.reports.policy.ProtocolStatus;
import io.usagereport.reports.render.PostBody;
import io.usagereport.reports.render.UserAgentHint;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code usage.json}: the figures a post was built from, in snake_case like the marts. Codes (states, actions,
 * protocols, hints) are language-neutral; only {@code label} fields follow the report's language. Absent values
 * are JSON {@code null} (e.g. a deadline when none lies ahead, the previous month without data).
 */
public final class UsageDocument
{
    private UsageDocument() {}

    public static ObjectNode of(TenantReport report, Messages messages)
    {
        ObjectNode json = JsonFiles.NODES.objectNode();
        json.put("tenant_id", report.usage().tenantId());
        putOptional(json, "tenant_name", report.tenant().name());
        json.put("cloud", report.tenant().cloud().fileValue());
        json.put("month", report.usage().month().toString());
        json.put("as_of", report.asOf().toString());
        json.put("locale", messages.reportLocale().tag());
        json.put("basic_auth_in_use", report.basicAuthInUse());
        json.put("severity", report.severity().code());
        putOptional(json, "next_deadline", report.nextDeadline().map(LocalDate::toString));
        json.put("sign_ins", report.usage().signIns());

        ArrayNode lines = json.putArray("report_lines");
        for (ReportLine line : ReportLine.values()) {
            ObjectNode item = lines.addObject();
            item.put("line", line.code());
            item.put("label", messages.text(line.messageKey()));
            ArrayNode protocols = item.putArray("protocols");
            line.protocols().forEach(protocol -> protocols.add(protocol.name()));
            item.put("users", report.usage().reportLineUsers().get(line));
        }

        Map<Protocol, TenantReport.MonthOverMonth> changes = new EnumMap<>(Protocol.class);
        report.monthOverMonth().forEach(row -> changes.put(row.protocol(), row));
        ArrayNode protocols = json.putArray("protocols");
        for (ProtocolUsage usage : report.usage().protocols()) {
            ProtocolStatus status = report.statuses().get(usage.protocol());
            ObjectNode item = protocols.addObject();
            item.put("protocol", usage.protocol().name());
            item.put("label", messages.text("protocol." + usage.protocol().name()));
            item.put("requests", usage.requests());
            item.put("users", usage.users());
            item.put("users_attempting", usage.usersAttempting());
            item.put("successful_requests", usage.successfulRequests());
            item.put("failed_requests", usage.failedRequests());
            // the same as month_over_month: unknown without the previous month's figures
            putOptionalNumber(item, "new_users", changes.get(usage.protocol()).newUsers());
            putOptionalNumber(item, "stopped_users", changes.get(usage.protocol()).stoppedUsers());
            item.put("state", status.state().code());
            putOptional(item, "deadline", status.deadline().map(LocalDate::toString));
            ArrayNode actions = item.putArray("actions");
            for (Action action : status.actions()) {
                ObjectNode actionItem = actions.addObject();
                actionItem.put("action", action.code());
                actionItem.put("label", PostBody.actionText(messages, report.timeline(), action));
            }
        }

        ArrayNode topUsers = json.putArray("top_users");
        for (ProtocolUsage usage : report.usage().protocols()) {
            for (UserUsage user : report.topUsers(usage.protocol(), PostBody.TOP_USERS_PER_PROTOCOL)) {
                ObjectNode item = topUsers.addObject();
                item.put("protocol", user.protocol().name());
                item.put("user_principal_name", user.userPrincipalName());
                putOptional(item, "display_name", user.displayName());
                item.put("requests", user.requests());
                item.put("successful_requests", user.successfulRequests());
                item.put("failed_requests", user.failedRequests());
                item.put("distinct_ips", user.distinctIps());
                putOptional(item, "top_user_agent", user.topUserAgent());
                item.put("client_hint", UserAgentHint.of(user.topUserAgent()).code());
            }
        }

        ObjectNode trend = json.putObject("month_over_month");
        trend.put("previous_month", report.usage().month().minusMonths(1).toString());
        ArrayNode trendProtocols = trend.putArray("protocols");
        for (TenantReport.MonthOverMonth row : report.monthOverMonth()) {
            ObjectNode item = trendProtocols.addObject();
            item.put("protocol", row.protocol().name());
            item.put("users", row.users());
            putOptionalNumber(item, "previous_users", row.previousUsers());
            putOptionalNumber(item, "users_change", row.usersChange());
            item.put("requests", row.requests());
            putOptionalNumber(item, "previous_requests", row.previousRequests());
            putOptionalNumber(item, "requests_change", row.requestsChange());
            putOptionalNumber(item, "new_users", row.newUsers());
            putOptionalNumber(item, "stopped_users", row.stoppedUsers());
        }

        ObjectNode history = json.putObject("users_by_month");
        ArrayNode months = history.putArray("months");
        report.historyMonths().forEach(month -> months.add(month.toString()));
        ObjectNode series = history.putObject("users");
        for (java.util.Map.Entry<Protocol, List<Optional<Long>>> entry : report.usersByMonth().entrySet()) {
            ArrayNode values = series.putArray(entry.getKey().name());
            for (Optional<Long> value : entry.getValue()) {
                if (value.isPresent()) {
                    values.add(value.get());
                }
                else {
                    values.addNull();
                }
            }
        }

        ObjectNode quality = json.putObject("data_quality");
        quality.put("rows_read", report.usage().dataQuality().rowsRead());
        quality.put("rejected", report.usage().dataQuality().rejected());
        quality.put("duplicates", report.usage().dataQuality().duplicates());
        quality.put("days_without_data", report.usage().dataQuality().daysWithoutData().size());
        ArrayNode days = quality.putArray("dates_without_data");
        report.usage().dataQuality().daysWithoutData().forEach(day -> days.add(day.toString()));
        return json;
    }

    private static void putOptional(ObjectNode json, String name, Optional<String> value)
    {
        if (value.isPresent()) {
            json.put(name, value.get());
        }
        else {
            json.putNull(name);
        }
    }

    private static void putOptionalNumber(ObjectNode json, String name, Optional<Long> value)
    {
        if (value.isPresent()) {
            json.put(name, value.get());
        }
        else {
            json.putNull(name);
        }
    }
}
