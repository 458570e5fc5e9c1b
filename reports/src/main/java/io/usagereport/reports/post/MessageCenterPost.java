package io.usagereport.reports.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.usagereport.reports.Messages;
import io.usagereport.reports.TenantReport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One tenant's monthly post in the shape of Microsoft Graph's {@code serviceUpdateMessage} ({@code message.json}).
 *
 * <p>Everything is derived from the report, never from the clock: the same input gives the same file.
 * {@code startDateTime} and {@code lastModifiedDateTime} are the as-of date at 00:00 UTC, {@code endDateTime} one month
 * later (when the next monthly post replaces it), {@code actionRequiredByDateTime} the end (23:59:59 UTC) of the
 * earliest deadline of a protocol in use. The Graph enum values are written in the documented camel case
 * ({@code planForChange}, {@code high}, {@code html}); tags use Microsoft's English tag names in every language.
 *
 * @param id {@code MC} and seven digits derived from the tenant id and the usage month (stable across runs and
 *        languages)
 * @param bodyHtml the body's HTML fragment
 * @param details Graph {@code keyValuePair}s, in order
 */
public record MessageCenterPost(
        String id,
        String title,
        String category,
        TenantReport.Severity severity,
        List<String> tags,
        boolean isMajorChange,
        Optional<Instant> actionRequiredBy,
        List<String> services,
        Instant start,
        Instant end,
        Instant lastModified,
        String bodyHtml,
        List<Map.Entry<String, String>> details)
{
    public static final String CATEGORY_PLAN_FOR_CHANGE = "planForChange";
    /** The self-service diagnostic's short link. */
    public static final String DIAGNOSTIC_LINK = "https://aka.ms/PillarEXOBasicAuth";

    public MessageCenterPost
    {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(category, "category is null");
        requireNonNull(severity, "severity is null");
        tags = List.copyOf(tags);
        requireNonNull(actionRequiredBy, "actionRequiredBy is null");
        services = List.copyOf(services);
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(bodyHtml, "bodyHtml is null");
        details = List.copyOf(details);
    }

    /**
     * The post of a report.
     *
     * @param bodyHtml the body, from {@code PostBody.messageBody}
     */
    public static MessageCenterPost of(TenantReport report, Messages messages, String bodyHtml)
    {
        Instant start = report.asOf().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = report.asOf().plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> tags;
        if (report.affected()) {
            tags = List.of("Admin impact", "User impact", "Retirement");
        }
        else if (report.basicAuthInUse()) {
            tags = List.of("Admin impact", "Retirement");
        }
        else {
            tags = List.of("Retirement");
        }
        List<Map.Entry<String, String>> details = new ArrayList<>();
        details.add(Map.entry("TenantId", report.usage().tenantId()));
        details.add(Map.entry("UsageMonth", report.usage().month().toString()));
        details.add(Map.entry("AsOfDate", report.asOf().toString()));
        details.add(Map.entry("Locale", messages.reportLocale().tag()));
        details.add(Map.entry("ExternalLink", DIAGNOSTIC_LINK));
        return new MessageCenterPost(
                id(report.usage().tenantId(), report.usage().month().toString()),
                messages.text("title", "month", messages.month(report.usage().month())),
                CATEGORY_PLAN_FOR_CHANGE,
                report.severity(),
                tags,
                report.affected(),
                report.nextDeadline().map(MessageCenterPost::endOfDay),
                List.of(messages.text("service.exchangeOnline")),
                start,
                end,
                start,
                bodyHtml,
                details);
    }

    /** {@code MC} and seven digits from SHA-256 of the tenant id and month. */
    static String id(String tenantId, String month)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("basic-auth-monthly-usage|" + tenantId + "|" + month).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int index = 0; index < 8; index++) {
                value = (value << 8) | (digest[index] & 0xFF);
            }
            return String.format(Locale.ROOT, "MC%07d", Long.remainderUnsigned(value, 10_000_000L));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static Instant endOfDay(LocalDate date)
    {
        return date.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }

    /** The Graph {@code serviceUpdateMessage} JSON, fields in the order of the Graph documentation. */
    public ObjectNode toJson()
    {
        ObjectNode json = JsonFiles.NODES.objectNode();
        json.put("id", id);
        json.put("title", title);
        json.put("category", category);
        json.put("severity", severity.code());
        ArrayNode tagArray = json.putArray("tags");
        tags.forEach(tagArray::add);
        json.put("isMajorChange", isMajorChange);
        if (actionRequiredBy.isPresent()) {
            json.put("actionRequiredByDateTime", instant(actionRequiredBy.get()));
        }
        else {
            json.putNull("actionRequiredByDateTime");
        }
        ArrayNode serviceArray = json.putArray("services");
        services.forEach(serviceArray::add);
        json.put("startDateTime", instant(start));
        json.put("endDateTime", instant(end));
        json.put("lastModifiedDateTime", instant(lastModified));
        ObjectNode body = json.putObject("body");
        body.put("contentType", "html");
        body.put("content", bodyHtml);
        ArrayNode detailArray = json.putArray("details");
        for (Map.Entry<String, String> detail : details) {
            ObjectNode pair = detailArray.addObject();
            pair.put("name", detail.getKey());
            pair.put("value", detail.getValue());
        }
        return json;
    }

    static String instant(Instant instant)
    {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
