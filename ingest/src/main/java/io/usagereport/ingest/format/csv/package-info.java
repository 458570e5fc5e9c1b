/**
 * What the CSV export formats share: streaming records with Apache Commons CSV while keeping each record's number,
 * first physical line and text as it stands in the file ({@link io.usagereport.ingest.format.csv.CsvTable}),
 * header lookup by normalized name that tolerates the portal's duplicate and oddly spaced names
 * ({@link io.usagereport.ingest.format.csv.CsvHeader}), and the reject texts every CSV reader uses.
 */
package io.usagereport.ingest.format.csv;
