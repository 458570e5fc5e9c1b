package io.usagereport.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/** Writes a sign-in as Microsoft Graph's (beta) camelCase {@code signIn} object. */
final class SignInJson
{
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private SignInJson() {}

    /** A generator that indents with two spaces and {@code \n}, whatever the platform's line separator. */
    static JsonGenerator pretty(Writer writer)
            throws IOException
    {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter)
                .withRootSeparator("\n");
        JsonGenerator generator = FACTORY.createGenerator(writer);
        generator.setPrettyPrinter(printer);
        return generator;
    }

    static JsonGenerator compact(Writer writer)
            throws IOException
    {
        JsonGenerator generator = FACTORY.createGenerator(writer);
        // values are separated by the caller (one per line), not by Jackson's default space
        generator.setRootValueSeparator(null);
        return generator;
    }

    static void write(JsonGenerator json, SampleSignIn signIn, DateTimeFormatter timeFormat)
            throws IOException
    {
        ClientKind.Application application = signIn.kind().application();
        json.writeStartObject();
        json.writeStringField("id", signIn.id());
        json.writeStringField("createdDateTime", SampleTimes.format(timeFormat, signIn.createdAt()));
        json.writeStringField("userDisplayName", signIn.userDisplayName());
        json.writeStringField("userPrincipalName", signIn.userPrincipalName());
        json.writeStringField("userId", signIn.userId());
        json.writeStringField("appId", application.id());
        json.writeStringField("appDisplayName", application.displayName());
        json.writeStringField("ipAddress", signIn.ipAddress());
        json.writeStringField("clientAppUsed", signIn.clientApp());
        json.writeStringField("userAgent", signIn.userAgent());
        json.writeStringField("correlationId", signIn.correlationId());
        json.writeStringField("conditionalAccessStatus", signIn.conditionalAccessStatus());
        json.writeStringField("originalRequestId", signIn.id());
        json.writeBooleanField("isInteractive", signIn.interactive());
        json.writeStringField("tokenIssuerName", "");
        json.writeStringField("tokenIssuerType", "AzureAD");
        json.writeNumberField("processingTimeInMilliseconds", signIn.latencyMilliseconds());
        json.writeStringField("riskDetail", "none");
        json.writeStringField("riskLevelAggregated", "none");
        json.writeStringField("riskLevelDuringSignIn", "none");
        json.writeStringField("riskState", "none");
        json.writeArrayFieldStart("riskEventTypes");
        json.writeEndArray();
        json.writeArrayFieldStart("riskEventTypes_v2");
        json.writeEndArray();
        json.writeStringField("resourceDisplayName", application.resourceDisplayName());
        json.writeStringField("resourceId", application.resourceId());
        json.writeStringField("resourceTenantId", signIn.tenant().id());
        json.writeStringField("homeTenantId", signIn.tenant().id());
        json.writeStringField("authenticationProtocol", signIn.authenticationProtocol());
        json.writeStringField("authenticationRequirement", signIn.authenticationRequirement());
        json.writeArrayFieldStart("signInEventTypes");
        json.writeString(signIn.interactive() ? "interactiveUser" : "nonInteractiveUser");
        json.writeEndArray();
        json.writeStringField("userType", "member");
        json.writeStringField("uniqueTokenIdentifier", signIn.uniqueTokenIdentifier());
        json.writeStringField("incomingTokenType", "none");
        json.writeNumberField("autonomousSystemNumber", signIn.city().autonomousSystemNumber());
        json.writeObjectFieldStart("status");
        json.writeNumberField("errorCode", signIn.outcome().errorCode());
        json.writeStringField("failureReason", signIn.outcome().failureReason());
        json.writeNullField("additionalDetails");
        json.writeEndObject();
        json.writeObjectFieldStart("deviceDetail");
        json.writeStringField("deviceId", "");
        json.writeStringField("displayName", "");
        json.writeStringField("operatingSystem", signIn.kind().operatingSystem());
        json.writeStringField("browser", signIn.kind().browser());
        json.writeBooleanField("isCompliant", false);
        json.writeBooleanField("isManaged", false);
        json.writeStringField("trustType", "");
        json.writeEndObject();
        json.writeObjectFieldStart("location");
        writeLocationFields(json, signIn.city());
        json.writeEndObject();
        json.writeArrayFieldStart("appliedConditionalAccessPolicies");
        json.writeEndArray();
        json.writeEndObject();
    }

    static void writeLocationFields(JsonGenerator json, SampleCity city)
            throws IOException
    {
        json.writeStringField("city", city.city());
        json.writeStringField("state", city.state());
        json.writeStringField("countryOrRegion", city.countryCode());
        json.writeObjectFieldStart("geoCoordinates");
        json.writeNullField("altitude");
        json.writeNumberField("latitude", city.latitude());
        json.writeNumberField("longitude", city.longitude());
        json.writeEndObject();
    }

    /** Compact JSON text of one value, for the JSON cells of CSV exports. */
    static String text(JsonBody body)
    {
        StringWriter writer = new StringWriter();
        try (JsonGenerator json = compact(writer)) {
            body.write(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    interface JsonBody
    {
        void write(JsonGenerator json)
                throws IOException;
    }
}
