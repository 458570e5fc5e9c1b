package io.usagereport.ingest.format.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.SignInTimes;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one JSON record into a {@link SignIn} or a {@link Reject}: a Microsoft Graph {@code signIn} object (as the
 * Graph API, the Entra admin center JSON download and PowerShell write it), or a diagnostic-settings record whose
 * sign-in is under {@code properties}.
 *
 * <p>Property names are matched ignoring case ({@code userPrincipalName}, {@code UserPrincipalName},
 * {@code IPAddress}). Required: {@code id}, {@code createdDateTime}, {@code userPrincipalName} and
 * {@code status.errorCode}; a record without one of them is rejected, never guessed ({@code originalRequestId} is
 * not used in place of {@code id}).
 *
 * <p>{@code location} becomes {@code City, State, CC} like the portal CSV's Location cell: the three parts are
 * always joined in that order with {@code ", "}, a missing part is written empty so positions stay ({@code ", , US"}),
 * and a location without any part is absent. A location given as a plain string is kept as it is.
 */
final class SignInObjects
{
    /** Diagnostic-settings categories that hold user sign-ins; every other category has no user. */
    private static final Set<String> USER_CATEGORIES = Set.of("signinlogs", "noninteractiveusersigninlogs");
    private static final String USER_CATEGORIES_TEXT = "SignInLogs or NonInteractiveUserSignInLogs";

    private SignInObjects() {}

    /** Where a record was and how to get its text, for rejects. */
    record Position(long record, long line, Supplier<String> rawText) {}

    /** Whether a record is a diagnostic-settings record (top-level {@code category} or {@code properties}). */
    static boolean isDiagnosticRecord(JsonNode record)
    {
        return field(record, "properties").isPresent() || field(record, "category").isPresent();
    }

    /** Maps one record, passing the sign-in or the reason it cannot be one to {@code sink}. */
    static void map(JsonNode record, Position position, SignInSink sink)
    {
        if (!isDiagnosticRecord(record)) {
            mapSignIn(record, "", position, sink);
            return;
        }
        Optional<JsonNode> category = field(record, "category");
        if (category.isPresent()) {
            String name = category.get().isValueNode() ? category.get().asText() : category.get().toString();
            if (!USER_CATEGORIES.contains(name.strip().toLowerCase(Locale.ROOT))) {
                sink.reject(Reject.invalid(position.record(), position.line(), "category", "Not a user sign-in",
                        name, USER_CATEGORIES_TEXT, position.rawText().get()));
                return;
            }
        }
        Optional<JsonNode> properties = field(record, "properties");
        if (properties.isEmpty()) {
            sink.reject(Reject.missing(position.record(), position.line(), "properties", "Missing sign-in properties",
                    position.rawText().get()));
            return;
        }
        if (!properties.get().isObject()) {
            sink.reject(Reject.invalid(position.record(), position.line(), "properties", "Invalid sign-in properties",
                    properties.get().toString(), "a JSON object", position.rawText().get()));
            return;
        }
        mapSignIn(properties.get(), "properties.", position, sink);
    }

    private static void mapSignIn(JsonNode signIn, String prefix, Position position, SignInSink sink)
    {
        long record = position.record();
        long line = position.line();

        Optional<JsonNode> id = field(signIn, "id");
        if (text(id).isEmpty()) {
            sink.reject(Reject.missing(record, line, prefix + "id", "Missing sign-in id", position.rawText().get()));
            return;
        }
        if (!id.get().isValueNode()) {
            sink.reject(Reject.invalid(record, line, prefix + "id", "Invalid sign-in id", id.get().toString(),
                    "a string", position.rawText().get()));
            return;
        }

        Optional<JsonNode> created = field(signIn, "createdDateTime");
        if (text(created).isEmpty()) {
            sink.reject(Reject.missing(record, line, prefix + "createdDateTime", "Missing sign-in time", position.rawText().get()));
            return;
        }
        Optional<Instant> createdAt = created.get().isTextual() ? SignInTimes.parse(created.get().asText()) : Optional.empty();
        if (createdAt.isEmpty()) {
            sink.reject(Reject.invalid(record, line, prefix + "createdDateTime", "Invalid sign-in time",
                    created.get().isTextual() ? created.get().asText() : created.get().toString(),
                    created.get().isTextual() ? SignInTimes.expected(created.get().asText()) : SignInTimes.EXPECTED,
                    position.rawText().get()));
            return;
        }

        Optional<JsonNode> userPrincipalName = field(signIn, "userPrincipalName");
        if (text(userPrincipalName).isEmpty()) {
            sink.reject(Reject.missing(record, line, prefix + "userPrincipalName", "Missing user principal name",
                    position.rawText().get()));
            return;
        }
        if (!userPrincipalName.get().isTextual()) {
            sink.reject(Reject.invalid(record, line, prefix + "userPrincipalName", "Invalid user principal name",
                    userPrincipalName.get().toString(), "a string", position.rawText().get()));
            return;
        }

        Optional<JsonNode> status = field(signIn, "status");
        if (status.isEmpty()) {
            sink.reject(Reject.missing(record, line, prefix + "status", "Missing sign-in status", position.rawText().get()));
            return;
        }
        if (!status.get().isObject()) {
            sink.reject(Reject.invalid(record, line, prefix + "status", "Invalid sign-in status", status.get().toString(),
                    "an object with errorCode and failureReason", position.rawText().get()));
            return;
        }
        Optional<JsonNode> errorCodeNode = field(status.get(), "errorCode");
        if (text(errorCodeNode).isEmpty()) {
            sink.reject(Reject.missing(record, line, prefix + "status.errorCode", "Missing sign-in error code",
                    position.rawText().get()));
            return;
        }
        Optional<Integer> errorCode = errorCode(errorCodeNode.get());
        if (errorCode.isEmpty()) {
            sink.reject(Reject.invalid(record, line, prefix + "status.errorCode", "Invalid sign-in error code",
                    errorCodeNode.get().isTextual() ? errorCodeNode.get().asText() : errorCodeNode.get().toString(),
                    "an integer (0 for success)", position.rawText().get()));
            return;
        }

        SignIn.Builder builder = SignIn.builder()
                .signInId(id.get().asText())
                .createdAt(createdAt.get())
                .userPrincipalName(userPrincipalName.get().asText())
                .errorCode(errorCode.get());
        text(field(signIn, "userId")).ifPresent(builder::userId);
        text(field(signIn, "userDisplayName")).ifPresent(builder::userDisplayName);
        text(field(signIn, "clientAppUsed")).ifPresent(builder::clientApp);
        text(field(signIn, "appDisplayName")).ifPresent(builder::appDisplayName);
        text(field(signIn, "ipAddress")).ifPresent(builder::ipAddress);
        location(field(signIn, "location")).ifPresent(builder::location);
        text(field(signIn, "userAgent")).ifPresent(builder::userAgent);
        text(field(status.get(), "failureReason")).ifPresent(builder::failureReason);
        sink.signIn(builder.build(), record, line);
    }

    private static Optional<Integer> errorCode(JsonNode node)
    {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isTextual()) {
            // Log Analytics and diagnostic records write error codes as strings ("50126")
            try {
                return Optional.of(Integer.parseInt(node.asText().strip()));
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> location(Optional<JsonNode> location)
    {
        if (location.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = location.get();
        if (!node.isObject()) {
            return text(location);
        }
        String city = text(field(node, "city")).orElse("");
        String state = text(field(node, "state")).orElse("");
        String country = text(field(node, "countryOrRegion")).orElse("");
        if (city.isEmpty() && state.isEmpty() && country.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(city + ", " + state + ", " + country);
    }

    /** The stripped text of a scalar value; empty for a missing, null, blank or structured value. */
    private static Optional<String> text(Optional<JsonNode> node)
    {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = node.get();
        if (value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            // a structured value still counts as present (callers report it as invalid), so show it
            return Optional.of(value.toString());
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A property of an object, matched ignoring case (an exact match wins); empty when absent or JSON null. */
    static Optional<JsonNode> field(JsonNode object, String name)
    {
        if (!object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? Optional.empty() : Optional.of(exact);
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().isNull() ? Optional.empty() : Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
