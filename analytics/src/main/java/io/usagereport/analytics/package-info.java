/**
 * The {@code analyze} stage and the {@code query} library: lake {@code signins} → {@code marts/*}.
 *
 * <ul>
 * <li>{@link io.usagereport.analytics.BasicAuthMarts} — the entry point of {@code analyze}: one month of sign-ins
 * into every mart of {@link io.usagereport.analytics.MartSchemas#ALL}, replacing exactly that month;</li>
 * <li>{@link io.usagereport.analytics.MartSchemas} — the marts' names, columns and types, defined once; reports read
 * a mart with {@code spark.read().schema(mart.table()).parquet(lake.mart(mart.name()))} filtered on {@code month};</li>
 * <li>{@link io.usagereport.analytics.UserPseudonyms} — keyed hashes for the user names of
 * {@code basic_auth_by_user}, when the analysts' marts must not name anyone;</li>
 * <li>{@link io.usagereport.analytics.LakeTables} — every lake table as a temporary view by name;</li>
 * <li>{@link io.usagereport.analytics.QueryOutput} — SQL over those views, printed as a table, CSV or JSON lines.</li>
 * </ul>
 *
 * <p>A month without data is not an error: its marts are empty, meaning no {@code month=<YYYY-MM>} folder (an
 * earlier one is removed), so every reader sees zero rows for the month rather than stale ones.
 */
package io.usagereport.analytics;
