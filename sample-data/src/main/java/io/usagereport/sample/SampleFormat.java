package io.usagereport.sample;

/**
 * The export formats the generator writes, each the way a real export of that kind looks.
 */
public enum SampleFormat
{
    /** Entra admin center download, CSV, current 57-column header; UTF-8 with BOM; every cell quoted. */
    ENTRA_CSV,
    /** Entra admin center download, CSV, the older 44-column header (no {@code User agent}); UTF-8 without BOM. */
    ENTRA_CSV_LEGACY,
    /** Entra admin center download, JSON: one array of camelCase sign-in objects. */
    ENTRA_JSON,
    /** Microsoft Graph {@code auditLogs/signIns} response pages, one after another in one file. */
    GRAPH_JSON_PAGES,
    /** Microsoft Graph sign-in objects, one per line. */
    GRAPH_JSON_LINES,
    /** Diagnostic-settings (Event Hub) records: {@code {"records":[…]}} with the sign-in under {@code properties}. */
    DIAGNOSTIC_RECORDS,
    /** Windows PowerShell 5.1 {@code Export-Csv} of {@code Get-AzureADAuditSignInLogs}: {@code #TYPE} line, en-US dates, ASCII. */
    POWERSHELL_WINDOWS_CSV,
    /** PowerShell 7 {@code Export-Csv} of {@code Get-MgBetaAuditLogSignIn}, flattened dotted columns, ja-JP dates, UTF-8 with BOM. */
    POWERSHELL_GRAPH_CSV,
    /** Log Analytics query results exported to CSV: {@code CreatedDateTime [UTC]}, display dates, JSON text cells. */
    LOG_ANALYTICS_CSV
}
