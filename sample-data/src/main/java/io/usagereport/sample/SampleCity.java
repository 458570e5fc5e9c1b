package io.usagereport.sample;

import java.util.List;

/**
 * Where a sign-in came from: the city, state and country the exports show, the coordinates, and a network the
 * addresses are drawn from (first two octets and its autonomous system number).
 */
record SampleCity(String city, String state, String countryCode, double latitude, double longitude, String networkPrefix,
        int autonomousSystemNumber)
{
    static final List<SampleCity> JAPAN = List.of(
            new SampleCity("Tokyo", "Tokyo", "JP", 35.6895, 139.6917, "126.236", 17676),
            new SampleCity("Osaka", "Osaka", "JP", 34.6937, 135.5023, "153.231", 4713),
            new SampleCity("Nagoya", "Aichi", "JP", 35.1815, 136.9066, "106.72", 2516),
            new SampleCity("Fukuoka", "Fukuoka", "JP", 33.5904, 130.4017, "60.115", 4713),
            new SampleCity("Sapporo", "Hokkaido", "JP", 43.0618, 141.3545, "180.14", 2516));

    static final List<SampleCity> UNITED_STATES = List.of(
            new SampleCity("Washington", "District Of Columbia", "US", 38.9072, -77.0369, "98.204", 7922),
            new SampleCity("Arlington", "Virginia", "US", 38.8816, -77.091, "71.126", 701),
            new SampleCity("Seattle", "Washington", "US", 47.6062, -122.3321, "73.97", 7922),
            new SampleCity("New York", "New York", "US", 40.7128, -74.006, "24.193", 12271));

    static final List<SampleCity> EUROPE = List.of(
            new SampleCity("Berlin", "Berlin", "DE", 52.52, 13.405, "91.64", 3320),
            new SampleCity("Munich", "Bayern", "DE", 48.1351, 11.582, "84.150", 3320),
            new SampleCity("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041, "145.131", 1136),
            new SampleCity("Paris", "Paris", "FR", 48.8566, 2.3522, "90.84", 3215));

    /** Password-spray sources; a state may be empty, as in real exports. */
    static final List<SampleCity> ATTACKERS = List.of(
            new SampleCity("Singapore", "", "SG", 1.3521, 103.8198, "103.253", 14061),
            new SampleCity("Frankfurt am Main", "Hessen", "DE", 50.1109, 8.6821, "165.227", 14061),
            new SampleCity("Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333, "177.54", 262287));

    /** The portal CSV's one-cell location: {@code City, State, CC}. */
    String display()
    {
        return city + ", " + state + ", " + countryCode;
    }

    String address(SampleRandom random)
    {
        return networkPrefix + "." + random.below(256) + "." + (1 + random.below(254));
    }
}
