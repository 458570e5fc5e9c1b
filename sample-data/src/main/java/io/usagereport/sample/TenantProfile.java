package io.usagereport.sample;

import java.util.List;

/**
 * The situations sample tenants are in. Tenant {@code i} follows {@code values()[i % 5]}: its users, its clients,
 * its deprecation settings in the tenants file, and the way its admin exported the month.
 */
enum TenantProfile
{
    /** A Japanese company: many ActiveSync and IMAP users, a few old Outlook desktops, a password spray on IMAP. */
    JAPANESE_ENTERPRISE("Contoso Japan K.K.", "contoso", ".co.jp", "commercial", "EAS", "", "", 9,
            SampleCity.JAPAN, new double[] {5, 3, 2, 1, 1}, 0.85, 0.35,
            new ClientKind[] {ClientKind.EAS_IPHONE, ClientKind.EAS_ANDROID, ClientKind.IMAP_THUNDERBIRD, ClientKind.IMAP_APP,
                    ClientKind.MAPI_OUTLOOK, ClientKind.AUTODISCOVER_OUTLOOK, ClientKind.SMTP_SCANNER, ClientKind.OTHER_CLIENTS},
            new double[] {5, 3, 3, 2, 1, 0.5, 0.5, 0.5},
            0.03, new ClientKind[] {ClientKind.SPRAY_IMAP},
            List.of(
                    ExportSlice.of(SampleFormat.ENTRA_CSV, ExportSlice.Coverage.INTERACTIVE, ExportSlice.FIRST_DAY, 15),
                    ExportSlice.malformed(SampleFormat.ENTRA_CSV, ExportSlice.Coverage.NON_INTERACTIVE, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY),
                    ExportSlice.of(SampleFormat.GRAPH_JSON_PAGES, ExportSlice.Coverage.INTERACTIVE, 10, ExportSlice.LAST_DAY))),

    /** A small business whose only Basic auth is SMTP AUTH from printers and scanners. */
    SMTP_PRINTERS_ONLY("Fabrikam Print & Design", "fabrikamprint", ".com", "commercial", "", "", "", -4,
            SampleCity.UNITED_STATES, new double[] {1, 1, 2, 3}, 0.0, 0.12,
            new ClientKind[] {ClientKind.SMTP_PRINTER, ClientKind.SMTP_SCANNER},
            new double[] {3, 1},
            0.0, new ClientKind[] {},
            List.of(
                    ExportSlice.of(SampleFormat.POWERSHELL_WINDOWS_CSV, ExportSlice.Coverage.ALL, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY),
                    ExportSlice.of(SampleFormat.ENTRA_CSV_LEGACY, ExportSlice.Coverage.NON_INTERACTIVE, 16, ExportSlice.LAST_DAY))),

    /** A tenant with no Basic auth at all: it would get no monthly usage report. */
    MODERN_ONLY("Tailspin Toys GmbH", "tailspintoys", ".de", "commercial", "", "", "", 2,
            SampleCity.EUROPE, new double[] {3, 2, 1, 1}, 0.0, 0.0,
            new ClientKind[] {}, new double[] {},
            0.0, new ClientKind[] {},
            List.of(
                    ExportSlice.of(SampleFormat.ENTRA_JSON, ExportSlice.Coverage.INTERACTIVE, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY),
                    ExportSlice.of(SampleFormat.DIAGNOSTIC_RECORDS, ExportSlice.Coverage.ALL, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY))),

    /** A US government (GCC) tenant: Outlook for Mac on EWS, old Outlook desktops, admin scripts. */
    GOVERNMENT("Woodgrove County Government", "woodgrovecounty", ".gov", "gcc", "", "", "", -4,
            SampleCity.UNITED_STATES, new double[] {4, 3, 1, 1}, 0.0, 0.3,
            new ClientKind[] {ClientKind.EWS_MAC, ClientKind.EWS_SCRIPT, ClientKind.MAPI_OUTLOOK, ClientKind.RPC_OUTLOOK,
                    ClientKind.OAB_OUTLOOK, ClientKind.AUTODISCOVER_OUTLOOK, ClientKind.REMOTE_POWERSHELL, ClientKind.REPORTING,
                    ClientKind.EAS_IPHONE},
            new double[] {3, 0.5, 3, 2, 1, 1, 1, 0.5, 1},
            0.01, new ClientKind[] {ClientKind.SPRAY_SMTP},
            List.of(
                    ExportSlice.of(SampleFormat.LOG_ANALYTICS_CSV, ExportSlice.Coverage.ALL, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY),
                    ExportSlice.of(SampleFormat.GRAPH_JSON_LINES, ExportSlice.Coverage.INTERACTIVE, ExportSlice.FIRST_DAY, 7))),

    /** A managed-service provider's customer, a clinic whose front desk reads mail over POP. */
    MSP_CUSTOMER("Litware Dental Clinic", "litwaredental", ".jp", "commercial", "", "POP@2022-10-20", "2022-10-05", 9,
            SampleCity.JAPAN, new double[] {1, 4, 0, 2, 0.5}, 0.6, 0.4,
            new ClientKind[] {ClientKind.POP_THUNDERBIRD, ClientKind.POP_APP, ClientKind.IMAP_THUNDERBIRD, ClientKind.SMTP_APP,
                    ClientKind.OTHER_CLIENTS, ClientKind.UNKNOWN_LEGACY},
            new double[] {3, 3, 1, 2, 1, 0.3},
            0.02, new ClientKind[] {ClientKind.SPRAY_IMAP, ClientKind.SPRAY_SMTP},
            List.of(
                    ExportSlice.of(SampleFormat.POWERSHELL_GRAPH_CSV, ExportSlice.Coverage.INTERACTIVE, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY),
                    ExportSlice.of(SampleFormat.DIAGNOSTIC_RECORDS, ExportSlice.Coverage.NON_INTERACTIVE, ExportSlice.FIRST_DAY,
                            ExportSlice.LAST_DAY)));

    private final String displayName;
    private final String domainStem;
    private final String domainSuffix;
    private final String cloud;
    private final String optedOut;
    private final String reEnabled;
    private final String disabledOn;
    private final int utcOffsetHours;
    private final List<SampleCity> cities;
    private final double[] cityWeights;
    private final double japaneseNameShare;
    private final double legacyUserShare;
    private final ClientKind[] legacyKinds;
    private final double[] legacyWeights;
    private final double sprayShare;
    private final ClientKind[] sprayKinds;
    private final List<ExportSlice> slices;

    TenantProfile(String displayName, String domainStem, String domainSuffix, String cloud, String optedOut, String reEnabled,
            String disabledOn, int utcOffsetHours, List<SampleCity> cities, double[] cityWeights, double japaneseNameShare,
            double legacyUserShare, ClientKind[] legacyKinds, double[] legacyWeights, double sprayShare, ClientKind[] sprayKinds,
            List<ExportSlice> slices)
    {
        this.displayName = displayName;
        this.domainStem = domainStem;
        this.domainSuffix = domainSuffix;
        this.cloud = cloud;
        this.optedOut = optedOut;
        this.reEnabled = reEnabled;
        this.disabledOn = disabledOn;
        this.utcOffsetHours = utcOffsetHours;
        this.cities = cities;
        this.cityWeights = cityWeights;
        this.japaneseNameShare = japaneseNameShare;
        this.legacyUserShare = legacyUserShare;
        this.legacyKinds = legacyKinds;
        this.legacyWeights = legacyWeights;
        this.sprayShare = sprayShare;
        this.sprayKinds = sprayKinds;
        this.slices = slices;
    }

    static TenantProfile forTenant(int tenantIndex)
    {
        TenantProfile[] profiles = values();
        return profiles[tenantIndex % profiles.length];
    }

    String displayName()
    {
        return displayName;
    }

    String domainStem()
    {
        return domainStem;
    }

    String domainSuffix()
    {
        return domainSuffix;
    }

    String cloud()
    {
        return cloud;
    }

    String optedOut()
    {
        return optedOut;
    }

    String reEnabled()
    {
        return reEnabled;
    }

    String disabledOn()
    {
        return disabledOn;
    }

    int utcOffsetHours()
    {
        return utcOffsetHours;
    }

    List<SampleCity> cities()
    {
        return cities;
    }

    double[] cityWeights()
    {
        return cityWeights.clone();
    }

    double japaneseNameShare()
    {
        return japaneseNameShare;
    }

    double legacyUserShare()
    {
        return legacyUserShare;
    }

    ClientKind[] legacyKinds()
    {
        return legacyKinds.clone();
    }

    double[] legacyWeights()
    {
        return legacyWeights.clone();
    }

    double sprayShare()
    {
        return sprayShare;
    }

    ClientKind[] sprayKinds()
    {
        return sprayKinds.clone();
    }

    List<ExportSlice> slices()
    {
        return slices;
    }
}
