/**
 * Sign-in exports in JSON, all built from Microsoft Graph {@code signIn} objects: the Entra admin center JSON
 * download ({@code entra-json}), Graph API pages and JSON lines ({@code graph-json}), and diagnostic-settings
 * records ({@code diagnostic-json}).
 *
 * <p>The three formats share one streaming reader, {@code JsonSignInReader}, which accepts any of the shapes in
 * any file; the format that recognises a file's start only names the shape for the manifests. Records are mapped
 * by {@code SignInObjects}.
 */
package io.usagereport.ingest.format.graph;
