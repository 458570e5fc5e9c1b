package io.usagereport.reports.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A guess at the kind of client behind a user agent, with advice in the resource bundles under
 * {@link #messageKey()}. The first matching rule wins; the order puts the most specific signs first.
 */
public enum UserAgentHint
{
    /** {@code BAV2ROPC}: Exchange's marker for a client using the OAuth resource-owner password flow. */
    ROPC("(?i)BAV2ROPC"),
    /** Scripts and tools: {@code python-requests}, PowerShell, curl, … */
    SCRIPT("(?i)python|powershell|\\bcurl\\b|\\bwget\\b|\\bjava/|okhttp|go-http-client|node-fetch|axios"),
    /** Printers and scanners sending mail. */
    PRINTER("(?i)ricoh|canon|xerox|konica|minolta|sharp|brother|kyocera|lexmark|epson|toshiba tec|\\bHP\\b|hewlett|laserjet"),
    THUNDERBIRD("(?i)thunderbird"),
    ANDROID_MAIL("(?i)android-mail|android.*\\bmail\\b"),
    /** The Mail app of iPhone/iPad: {@code Apple-iPhone…}, {@code iOS/15.6 … dataaccessd}. */
    IOS_MAIL("Apple-iP(hone|ad|od)|\\biOS\\b|(?i)dataaccessd"),
    /** Outlook or Office before Modern authentication: {@code Microsoft Office/14.0}, {@code /15.0}, {@code /16.0}, {@code Outlook}. */
    OLD_OUTLOOK("(?i)microsoft office/1\\d|microsoft outlook|\\boutlook\\b"),
    /** Nothing recognized, or no user agent logged. */
    UNKNOWN("(?!)");

    private static final List<UserAgentHint> RULES = List.of(ROPC, SCRIPT, PRINTER, THUNDERBIRD, ANDROID_MAIL, IOS_MAIL, OLD_OUTLOOK);

    private final Pattern pattern;

    UserAgentHint(String regex)
    {
        this.pattern = Pattern.compile(regex);
    }

    /** The hint for a logged user agent; {@link #UNKNOWN} when it is absent or not recognized. */
    public static UserAgentHint of(Optional<String> userAgent)
    {
        if (userAgent.isEmpty()) {
            return UNKNOWN;
        }
        for (UserAgentHint hint : RULES) {
            if (hint.pattern.matcher(userAgent.get()).find()) {
                return hint;
            }
        }
        return UNKNOWN;
    }

    /** The resource-bundle key of the advice. */
    public String messageKey()
    {
        return "hint." + name().toLowerCase(Locale.ROOT);
    }

    /** The spelling in {@code usage.json}. */
    public String code()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
