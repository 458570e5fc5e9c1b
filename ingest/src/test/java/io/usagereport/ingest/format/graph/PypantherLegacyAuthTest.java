package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public diagnostic-settings events from panther-labs/pypanther (see the README beside the file): one
 * service-principal record and the same legacy SMTP sign-in twice.
 */
class PypantherLegacyAuthTest
{
    private static final String FILE = "pypanther-legacy-auth/azure_legacyauth_events.jsonl";

    @Test
    void readsTheLegacySmtpSignInsAndRejectsTheServicePrincipal()
            throws IOException
    {
        CollectingSink sink = new CollectingSink();
        ExportFormats.ReadResult result;
        try (InputStream stream = getClass().getClassLoader().getResourceAsStream(FILE)) {
            result = ExportFormats.read(FILE, stream, Optional.empty(), sink);
        }

        assertThat(result).isEqualTo(new ExportFormats.ReadResult("diagnostic-json", StandardCharsets.UTF_8));

        assertThat(sink.rejects()).hasSize(1);
        Reject reject = sink.rejects().get(0);
        assertThat(reject.record()).isEqualTo(1);
        assertThat(reject.line()).isEqualTo(1);
        assertThat(reject.field()).contains("category");
        assertThat(reject.value()).contains("ServicePrincipalSignInLogs");
        assertThat(reject.message(FILE)).isEqualTo("Not a user sign-in in " + FILE + " at record 1 (line 1), field 'category': "
                + "'ServicePrincipalSignInLogs'; expected SignInLogs or NonInteractiveUserSignInLogs");
        assertThat(reject.rawText()).startsWith("{\"calleripaddress\": \"12.12.12.12\", \"category\": \"ServicePrincipalSignInLogs\", ")
                .endsWith("\"time\": \"2023-07-26 23:00:20.889\"}")
                .hasSize(1856);

        SignIn expected = SignIn.builder()
                .signInId("d9ae0e20-c959-42a3-ba74-00f59ac9f6c6")
                .createdAt(Instant.parse("2023-07-21T05:03:52.160562400Z"))
                .userPrincipalName("homer.simpson@springfield.org")
                .userId("8105c513-d24b-4b8d-9035-f8d48854d703")
                .userDisplayName("A User Display Name")
                .clientApp("Authenticated SMTP")
                .appDisplayName("Office 365 Exchange Online")
                .ipAddress("12.12.12.12")
                .location("Springfield, Virginia, US")
                .userAgent("BAV2ROPC")
                .errorCode(0)
                .build();
        // the two identical events stay two sign-ins: removing duplicates is the ingest job's business
        assertThat(sink.signIns()).containsExactly(
                new CollectingSink.Collected(expected, 2, 2),
                new CollectingSink.Collected(expected, 3, 3));
        SignIn signIn = sink.signIns().get(0).signIn();
        assertThat(signIn.protocol()).isEqualTo(Protocol.SMTP_AUTH);
        assertThat(signIn.basicAuth()).isTrue();
        assertThat(signIn.succeeded()).isTrue();
        assertThat(signIn.errorCode()).isZero();
        assertThat(signIn.failureReason()).isEmpty();
    }
}
