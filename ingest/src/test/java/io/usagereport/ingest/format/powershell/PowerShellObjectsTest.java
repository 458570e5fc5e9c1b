package io.usagereport.ingest.format.powershell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PowerShellObjectsTest
{
    @Test
    void readsTheAzureAdModuleClassText()
    {
        String status = "class SignInStatus {\n  ErrorCode: 500011\n  FailureReason: The resource principal named x was not found.\n"
                + "  AdditionalDetails: \n}\n";

        assertThat(PowerShellObjects.properties(status)).contains(Map.of(
                "errorcode", "500011",
                "failurereason", "The resource principal named x was not found.",
                "additionaldetails", ""));
    }

    @Test
    void keepsTheOuterValueWhenANestedClassRepeatsAName()
    {
        String location = "class SignInLocation {\r\n  City: Redmond\r\n  State: Washington\r\n  CountryOrRegion: US\r\n"
                + "  GeoCoordinates: class GeoCoordinates {\r\n  City: Nested\r\n  Latitude: 47.68\r\n}\r\n\r\n}\r\n";

        assertThat(PowerShellObjects.properties(location).orElseThrow())
                .containsEntry("city", "Redmond")
                .containsEntry("state", "Washington")
                .containsEntry("countryorregion", "US")
                .containsEntry("latitude", "47.68");
    }

    @Test
    void readsCustomObjectText()
    {
        assertThat(PowerShellObjects.properties("@{errorCode=50126; failureReason=Bad; or worse; additionalDetails=}"))
                .contains(Map.of("errorcode", "50126", "failurereason", "Bad; or worse", "additionaldetails", ""));
        assertThat(PowerShellObjects.properties("@{}")).contains(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus",
            "Microsoft.Graph.Beta.PowerShell.Models.MicrosoftGraphSignInLocation",
            "System.Collections.Hashtable",
            "System.Object[]",
            " System.Collections.Generic.List`1 "})
    void recognisesTypeNames(String text)
    {
        assertThat(PowerShellObjects.isTypeName(text)).isTrue();
        assertThat(PowerShellObjects.properties(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tokyo, Tokyo, JP", "0", "Success", "eri.kato@contoso.com", "1.2.3.4", "classic {"})
    void leavesOtherTextAlone(String text)
    {
        assertThat(PowerShellObjects.isTypeName(text)).isFalse();
        assertThat(PowerShellObjects.properties(text)).isEmpty();
    }
}
