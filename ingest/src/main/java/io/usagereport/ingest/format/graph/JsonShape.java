package io.usagereport.ingest.format.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes sign-ins come in, told apart from the start of a file by its first character and the first
 * property names that say which shape it is.
 */
enum JsonShape
{
    /** Entra admin center download: a top-level array of sign-in objects. */
    PORTAL_ARRAY,
    /** Microsoft Graph: {@code {"@odata.context":…,"value":[…]}} pages (one, several, or an array of them), or sign-in objects one per line. */
    GRAPH,
    /** Diagnostic settings: {@code {"records":[…]}}, or records with {@code category} and {@code properties}, one per line or in an array. */
    DIAGNOSTIC;

    private static final Set<String> PAGE_KEYS = Set.of("@odata.context", "value", "@odata.nextlink", "@odata.count", "@odata.deltalink");
    private static final Set<String> RECORDS_KEYS = Set.of("records");
    private static final Set<String> DIAGNOSTIC_KEYS = Set.of("category", "properties", "time", "operationname", "operationversion",
            "resulttype", "resultsignature", "resultdescription", "calleripaddress", "durationms");
    private static final Set<String> SIGN_IN_KEYS = Set.of("id", "createddatetime", "userprincipalname", "userid", "userdisplayname",
            "clientappused", "appdisplayname", "appid", "ipaddress", "status", "originalrequestid", "isinteractive", "useragent");

    /** What an object's first telling property name says it is. */
    private enum ObjectKind
    {
        PAGE,
        RECORDS,
        DIAGNOSTIC_RECORD,
        SIGN_IN
    }

    /**
     * The shape of a file starting with {@code head}, or empty when it does not start with a JSON object or array
     * whose first object has a property name known from sign-in exports (within the head).
     */
    static Optional<JsonShape> detect(String head)
    {
        String start = head.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return Optional.empty();
        }
        try (JsonParser parser = JsonSignInReader.FACTORY.createParser(start)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                return firstObjectKind(parser).map(kind -> switch (kind) {
                    case PAGE, SIGN_IN -> GRAPH;
                    case RECORDS, DIAGNOSTIC_RECORD -> DIAGNOSTIC;
                });
            }
            token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                // an empty download
                return Optional.of(PORTAL_ARRAY);
            }
            if (token != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            return firstObjectKind(parser).map(kind -> switch (kind) {
                case PAGE -> GRAPH;
                case SIGN_IN -> PORTAL_ARRAY;
                case RECORDS, DIAGNOSTIC_RECORD -> DIAGNOSTIC;
            });
        }
        catch (JsonProcessingException e) {
            // not JSON after all
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read a string", e);
        }
    }

    /** Reads the property names of the object just started until one tells its kind; the head may end first. */
    private static Optional<ObjectKind> firstObjectKind(JsonParser parser)
            throws IOException
    {
        try {
            JsonToken token = parser.nextToken();
            while (token == JsonToken.FIELD_NAME) {
                String name = parser.currentName().toLowerCase(Locale.ROOT);
                if (PAGE_KEYS.contains(name)) {
                    return Optional.of(ObjectKind.PAGE);
                }
                if (RECORDS_KEYS.contains(name)) {
                    return Optional.of(ObjectKind.RECORDS);
                }
                if (DIAGNOSTIC_KEYS.contains(name)) {
                    return Optional.of(ObjectKind.DIAGNOSTIC_RECORD);
                }
                if (SIGN_IN_KEYS.contains(name)) {
                    return Optional.of(ObjectKind.SIGN_IN);
                }
                parser.nextToken();
                parser.skipChildren();
                token = parser.nextToken();
            }
            return Optional.empty();
        }
        catch (JsonProcessingException e) {
            // not JSON, or the head ends before a telling name
            return Optional.empty();
        }
    }
}
