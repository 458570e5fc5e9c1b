package io.usagereport.ingest.format.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one text form of a sign-in location, the portal's {@code Location} cell: {@code City, State, CC}
 * (e.g. {@code Melbourne, Victoria, AU}); blank parts are left out.
 */
public final class SignInLocations
{
    private SignInLocations() {}

    /** {@code city, state, countryOrRegion} joined; empty when all three are blank. */
    public static Optional<String> format(Optional<String> city, Optional<String> state, Optional<String> countryOrRegion)
    {
        List<String> parts = new ArrayList<>(3);
        for (Optional<String> part : List.of(city, state, countryOrRegion)) {
            part.map(String::strip).filter(text -> !text.isEmpty()).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", parts));
    }
}
