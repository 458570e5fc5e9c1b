package io.usagereport.ingest.format.powershell;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text that {@code Export-Csv} writes for a nested object, which is the object's {@code ToString()}:
 * <ul>
 * <li>AzureAD module models: multi-line {@code class SignInStatus {\n  ErrorCode: 500011\n  FailureReason: …\n}};</li>
 * <li>PowerShell custom objects (from {@code ConvertFrom-Json}, {@code Import-Csv}):
 *     {@code @{ErrorCode=0; FailureReason=; AdditionalDetails=}};</li>
 * <li>Graph SDK models and hashtables: only the type name, e.g.
 *     {@code Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus}; no values to read.</li>
 * </ul>
 */
final class PowerShellObjects
{
    private static final Pattern CLASS_START = Pattern.compile("^\\s*class\\s+[\\w.]+\\s*\\{");
    private static final Pattern CLASS_PROPERTY = Pattern.compile("^\\s*(\\w+):[ \\t]?(.*)$");
    private static final Pattern CUSTOM_PROPERTY_SEPARATOR = Pattern.compile(";\\s*(?=\\w+=)");
    private static final Pattern TYPE_NAME = Pattern.compile("^[A-Za-z_][\\w`]*(\\.[A-Za-z_][\\w`]*)+(\\[\\])?$");

    private PowerShellObjects() {}

    /**
     * The properties of the object printed as {@code text}, keyed by lower-case name (the first occurrence wins, so
     * a nested object's properties do not override the outer ones); empty when {@code text} is neither form.
     */
    static Optional<Map<String, String>> properties(String text)
    {
        String value = text.strip();
        if (CLASS_START.matcher(value).find()) {
            Map<String, String> properties = new HashMap<>();
            for (String line : value.split("\\R")) {
                Matcher matcher = CLASS_PROPERTY.matcher(line);
                if (matcher.matches()) {
                    properties.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2).strip());
                }
            }
            return Optional.of(properties);
        }
        if (value.startsWith("@{") && value.endsWith("}")) {
            Map<String, String> properties = new HashMap<>();
            String body = value.substring(2, value.length() - 1);
            for (String part : CUSTOM_PROPERTY_SEPARATOR.split(body)) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    properties.putIfAbsent(part.substring(0, equals).strip().toLowerCase(Locale.ROOT), part.substring(equals + 1).strip());
                }
            }
            return Optional.of(properties);
        }
        return Optional.empty();
    }

    /** Whether {@code text} is a bare .NET type name, which is what objects without a useful ToString() print. */
    static boolean isTypeName(String text)
    {
        return TYPE_NAME.matcher(text.strip()).matches();
    }
}
