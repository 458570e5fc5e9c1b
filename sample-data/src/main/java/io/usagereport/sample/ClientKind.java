package io.usagereport.sample;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of client a user signs in with: the exported {@code clientAppUsed} value, the user agent it sends, and
 * what the device detail shows. Legacy kinds use Basic authentication; a user sticks to one or two of them.
 */
enum ClientKind
{
    BROWSER_CHROME("Browser",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36",
            "Chrome 105.0.0", "Windows10", Application.OFFICE_HOME, 0.85, false),
    BROWSER_EDGE("Browser",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36 Edg/105.0.1343.33",
            "Edge 105.0.1343", "Windows10", Application.OFFICE_HOME, 0.85, false),
    BROWSER_SAFARI("Browser",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Safari/605.1.15",
            "Safari 15.6.1", "MacOs", Application.OFFICE_HOME, 0.85, false),
    OUTLOOK_DESKTOP("Mobile Apps and Desktop clients",
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.15601; Pro)",
            "", "Windows10", Application.MICROSOFT_OFFICE, 0.35, false),
    OUTLOOK_MOBILE("Mobile Apps and Desktop clients", "Outlook-iOS/2.0", "", "Ios", Application.OUTLOOK_MOBILE, 0.35, false),
    TEAMS("Mobile Apps and Desktop clients",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.5.00.21668 Chrome/85.0.4183.121 Electron/10.4.7 Safari/537.36",
            "", "Windows10", Application.TEAMS, 0.35, false),

    EAS_IPHONE("Exchange ActiveSync", "Apple-iPhone14C5/1904.555", "", "Ios", Application.EXCHANGE, 0.1, true),
    EAS_ANDROID("Exchange ActiveSync", "Android-Mail/2022.08.07", "", "Android", Application.EXCHANGE, 0.1, true),
    IMAP_THUNDERBIRD("IMAP4", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.2.2",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    IMAP_APP("IMAP4", "CBAInPROD", "", "", Application.EXCHANGE, 0.1, true),
    POP_THUNDERBIRD("POP3", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.2.2",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    POP_APP("POP3", "BAV2ROPC", "", "", Application.EXCHANGE, 0.1, true),
    SMTP_PRINTER("Authenticated SMTP", "RICOH MP C3004", "", "", Application.EXCHANGE, 0.0, true),
    SMTP_SCANNER("Authenticated SMTP", "BAV2ROPC", "", "", Application.EXCHANGE, 0.0, true),
    SMTP_APP("Authenticated SMTP", "BAV2ROPC", "", "", Application.EXCHANGE, 0.1, true),
    MAPI_OUTLOOK("MAPI Over HTTP", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    RPC_OUTLOOK("Outlook Anywhere (RPC over HTTP)", "Microsoft Office/14.0 (Windows NT 6.1; Microsoft Outlook 14.0.7268; Pro)",
            "", "Windows7", Application.EXCHANGE, 0.1, true),
    OAB_OUTLOOK("Offline Address Book", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    AUTODISCOVER_OUTLOOK("AutoDiscover", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    EWS_MAC("Exchange Web Services", "MacOutlook/16.64.22081401 (Intelx64 Mac OS X 12.5.1 (Build 21G83))",
            "", "MacOs", Application.EXCHANGE, 0.1, true),
    EWS_SCRIPT("Exchange Web Services", "python-requests/2.28.1", "", "", Application.EXCHANGE, 0.0, true),
    REMOTE_POWERSHELL("Exchange Online PowerShell",
            "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1682",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    REPORTING("Reporting Web Services", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1682",
            "", "Windows10", Application.EXCHANGE, 0.1, true),
    OTHER_CLIENTS("Other clients", "BAV2ROPC", "", "", Application.EXCHANGE, 0.1, true),
    /** A value outside the documented list: the pipeline must map it to OTHER_LEGACY and warn. */
    UNKNOWN_LEGACY("Exchange Legacy Client", "BAV2ROPC", "", "", Application.EXCHANGE, 0.1, true),
    SPRAY_IMAP("IMAP4", "BAV2ROPC", "", "", Application.EXCHANGE, 0.0, true),
    SPRAY_SMTP("Authenticated SMTP", "BAV2ROPC", "", "", Application.EXCHANGE, 0.0, true);

    static final ClientKind[] MODERN = {BROWSER_CHROME, BROWSER_EDGE, BROWSER_SAFARI, OUTLOOK_DESKTOP, OUTLOOK_MOBILE, TEAMS};
    static final double[] MODERN_WEIGHTS = {4, 2, 1, 4, 2, 3};

    private static final Map<ClientKind, DeviceAccount> DEVICE_ACCOUNTS = new EnumMap<>(Map.of(
            SMTP_PRINTER, new DeviceAccount("mfp", "RICOH MP C3004 複合機", "RICOH MP C3004 printer"),
            SMTP_SCANNER, new DeviceAccount("scan", "スキャン送信", "Scan to Mail"),
            EWS_SCRIPT, new DeviceAccount("svc-ews", "EWS 連携サービス", "EWS sync service")));

    private final String clientApp;
    private final String userAgent;
    private final String browser;
    private final String operatingSystem;
    private final Application application;
    private final double interactiveShare;
    private final boolean legacy;

    ClientKind(String clientApp, String userAgent, String browser, String operatingSystem, Application application,
            double interactiveShare, boolean legacy)
    {
        this.clientApp = clientApp;
        this.userAgent = userAgent;
        this.browser = browser;
        this.operatingSystem = operatingSystem;
        this.application = application;
        this.interactiveShare = interactiveShare;
        this.legacy = legacy;
    }

    String clientApp()
    {
        return clientApp;
    }

    String userAgent()
    {
        return userAgent;
    }

    String browser()
    {
        return browser;
    }

    String operatingSystem()
    {
        return operatingSystem;
    }

    Application application()
    {
        return application;
    }

    double interactiveShare()
    {
        return interactiveShare;
    }

    boolean legacy()
    {
        return legacy;
    }

    /** Device and service accounts: the account exists only for this client, so its names say what it is. */
    Optional<DeviceAccount> deviceAccount()
    {
        return Optional.ofNullable(DEVICE_ACCOUNTS.get(this));
    }

    /** The names of a device or service account: user name prefix, Japanese and English display names. */
    record DeviceAccount(String prefix, String japaneseName, String englishName) {}

    /** The application and resource a sign-in shows. */
    enum Application
    {
        EXCHANGE("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000",
                "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
        OFFICE_HOME("OfficeHome", "4765445b-32c6-49b0-83e6-1d93765276ca",
                "OfficeHome", "4765445b-32c6-49b0-83e6-1d93765276ca"),
        MICROSOFT_OFFICE("Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c",
                "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
        OUTLOOK_MOBILE("Microsoft Outlook", "27922004-5251-4030-b22d-91ecd9a37ea4",
                "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
        TEAMS("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
                "Microsoft Teams Services", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");

        private final String displayName;
        private final String id;
        private final String resourceDisplayName;
        private final String resourceId;

        Application(String displayName, String id, String resourceDisplayName, String resourceId)
        {
            this.displayName = displayName;
            this.id = id;
            this.resourceDisplayName = resourceDisplayName;
            this.resourceId = resourceId;
        }

        String displayName()
        {
            return displayName;
        }

        String id()
        {
            return id;
        }

        String resourceDisplayName()
        {
            return resourceDisplayName;
        }

        String resourceId()
        {
            return resourceId;
        }
    }
}
