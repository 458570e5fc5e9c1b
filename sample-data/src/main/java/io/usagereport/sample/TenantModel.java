package io.usagereport.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-ins of one tenant. Sign-in {@code i} is computed from the seed, the tenant and {@code i} alone, so any
 * export can regenerate any sign-in without keeping the others in memory, and times grow with {@code i}, so
 * files come out sorted in either direction.
 *
 * <p>Times follow office hours in the tenant's time zone, with quiet weekends; the previous month's last day and the
 * next month's first day get a few sign-ins, so every month boundary is exercised.
 */
final class TenantModel
{
    private static final long USER_SALT = 0x05E7L;
    private static final long SIGN_IN_SALT = 0x516EL;
    private static final long MILLIS_PER_HOUR = 3_600_000L;
    private static final double BOUNDARY_DAY_FACTOR = 0.3;

    private final long seed;
    private final SampleTenant tenant;
    private final YearMonth month;
    private final int rows;
    private final List<SampleUser> users;
    private final double[] cumulativeActivity;
    private final Instant rangeStart;
    private final double[] cumulativeHourWeights;
    private final double[] hourWeights;

    TenantModel(long seed, SampleTenant tenant, YearMonth month, int users, int rows)
    {
        this.seed = seed;
        this.tenant = tenant;
        this.month = month;
        this.rows = rows;
        this.users = createUsers(users);
        this.cumulativeActivity = new double[users];
        double total = 0;
        for (int index = 0; index < users; index++) {
            total += this.users.get(index).activity();
            cumulativeActivity[index] = total;
        }
        this.rangeStart = month.atDay(1).minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        int hours = (month.lengthOfMonth() + 2) * 24;
        this.hourWeights = new double[hours];
        this.cumulativeHourWeights = new double[hours];
        double cumulative = 0;
        for (int hour = 0; hour < hours; hour++) {
            hourWeights[hour] = hourWeight(hour);
            cumulative += hourWeights[hour];
            cumulativeHourWeights[hour] = cumulative;
        }
    }

    SampleTenant tenant()
    {
        return tenant;
    }

    YearMonth month()
    {
        return month;
    }

    int rows()
    {
        return rows;
    }

    List<SampleUser> users()
    {
        return users;
    }

    /** The first day of the range (the previous month's last day), day number 0 of {@link ExportSlice}. */
    LocalDate firstDay()
    {
        return month.atDay(1).minusDays(1);
    }

    /** The last day of the range (the next month's first day). */
    LocalDate lastDay()
    {
        return month.atEndOfMonth().plusDays(1);
    }

    private double hourWeight(int hour)
    {
        LocalDateTime utc = LocalDateTime.ofInstant(rangeStart.plusMillis(hour * MILLIS_PER_HOUR), ZoneOffset.UTC);
        LocalDateTime local = utc.plusHours(tenant.profile().utcOffsetHours());
        double weight;
        int localHour = local.getHour();
        if (localHour >= 8 && localHour <= 18) {
            weight = 1.0;
        }
        else if (localHour == 7 || (localHour >= 19 && localHour <= 21)) {
            weight = 0.4;
        }
        else {
            weight = 0.08;
        }
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            weight *= 0.25;
        }
        if (!YearMonth.from(utc).equals(month)) {
            weight *= BOUNDARY_DAY_FACTOR;
        }
        return weight;
    }

    private List<SampleUser> createUsers(int count)
    {
        TenantProfile profile = tenant.profile();
        List<SampleUser> created = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        int deviceAccounts = 0;
        for (int index = 0; index < count; index++) {
            SampleRandom random = new SampleRandom(SampleRandom.seed(seed, tenant.index(), USER_SALT, index));
            String id = random.guid();
            SampleCity city = profile.cities().get(random.weighted(profile.cityWeights()));
            String homeAddress = city.address(random);

            List<ClientKind> legacy = new ArrayList<>();
            if (index < profile.legacyKinds().length) {
                // the first users cover every legacy client of the situation, so that each shows up in small samples
                legacy.add(profile.legacyKinds()[index]);
            }
            else if (profile.legacyKinds().length > 0 && random.chance(profile.legacyUserShare())) {
                ClientKind first = profile.legacyKinds()[random.weighted(profile.legacyWeights())];
                legacy.add(first);
                if (first.deviceAccount().isEmpty() && random.chance(0.3)) {
                    ClientKind second = profile.legacyKinds()[random.weighted(profile.legacyWeights())];
                    if (second != first && second.deviceAccount().isEmpty()) {
                        legacy.add(second);
                    }
                }
            }
            Optional<ClientKind.DeviceAccount> device = legacy.isEmpty() ? Optional.empty() : legacy.get(0).deviceAccount();

            boolean japanese = random.chance(profile.japaneseNameShare());
            String displayName;
            String userName;
            if (device.isPresent()) {
                deviceAccounts++;
                String number = String.format(Locale.ROOT, "%02d", deviceAccounts);
                displayName = (profile.japaneseNameShare() > 0 ? device.get().japaneseName() : device.get().englishName()) + " " + number;
                userName = device.get().prefix() + number;
            }
            else if (japanese) {
                SampleNames.Part family = SampleNames.JAPANESE_FAMILY_NAMES.get(random.below(SampleNames.JAPANESE_FAMILY_NAMES.size()));
                SampleNames.Part given = SampleNames.JAPANESE_GIVEN_NAMES.get(random.below(SampleNames.JAPANESE_GIVEN_NAMES.size()));
                displayName = family.written() + " " + given.written();
                userName = given.romanized() + "." + family.romanized();
            }
            else {
                String given = SampleNames.ENGLISH_GIVEN_NAMES.get(random.below(SampleNames.ENGLISH_GIVEN_NAMES.size()));
                String family = SampleNames.ENGLISH_FAMILY_NAMES.get(random.below(SampleNames.ENGLISH_FAMILY_NAMES.size()));
                displayName = given + " " + family;
                userName = given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT);
            }
            String unique = userName;
            for (int suffix = 2; !names.add(unique); suffix++) {
                unique = userName + suffix;
            }
            String principalName = unique + "@" + tenant.domain();

            List<ClientKind> modern = new ArrayList<>();
            if (device.isEmpty()) {
                modern.add(ClientKind.MODERN[random.weighted(ClientKind.MODERN_WEIGHTS)]);
                ClientKind second = ClientKind.MODERN[random.weighted(ClientKind.MODERN_WEIGHTS)];
                if (second != modern.get(0)) {
                    modern.add(second);
                }
            }
            double legacyShare = device.isPresent() ? 1.0 : 0.55;
            boolean alwaysFails = !legacy.isEmpty() && random.chance(0.1);
            double activity = 0.3 + 2.0 * random.unit() * random.unit();
            if (device.isPresent()) {
                activity *= 1.5;
            }
            created.add(new SampleUser(index, id, principalName, displayName, city, homeAddress, modern, legacy, legacyShare,
                    alwaysFails, activity));
        }
        return List.copyOf(created);
    }

    /** Sign-in {@code index}, 0 ≤ index < {@link #rows()}; a larger index is never earlier. */
    SampleSignIn signIn(int index)
    {
        SampleRandom random = new SampleRandom(SampleRandom.seed(seed, tenant.index(), SIGN_IN_SALT, index));
        Instant createdAt = time(index, random.unit());
        String id = random.guid();
        String correlationId = random.guid();
        String token = random.token(22);
        String sessionId = random.guid();
        int latency = 20 + random.below(400);
        TenantProfile profile = tenant.profile();

        if (profile.sprayShare() > 0 && random.chance(profile.sprayShare())) {
            SampleUser target = users.get(random.below(users.size()));
            ClientKind kind = profile.sprayKinds()[random.below(profile.sprayKinds().length)];
            SampleCity city = SampleCity.ATTACKERS.get(random.below(SampleCity.ATTACKERS.size()));
            SignInOutcome outcome = random.chance(0.85) ? SignInOutcome.INVALID_PASSWORD : SignInOutcome.ACCOUNT_LOCKED;
            return new SampleSignIn(id, createdAt, tenant, target.id(), target.userPrincipalName(), target.displayName(), kind,
                    city.address(random), city, outcome, false, correlationId, token, "", false, "notApplied", latency);
        }

        SampleUser user = users.get(pickUser(random.unit()));
        boolean legacy = !user.legacyKinds().isEmpty() && random.chance(user.legacyShare());
        ClientKind kind = legacy
                ? user.legacyKinds().get(random.below(user.legacyKinds().size()))
                : user.modernKinds().get(random.below(user.modernKinds().size()));
        SampleCity city = user.city();
        String address = user.homeAddress();
        if (random.chance(0.2)) {
            // away from the office: a mobile or home network, sometimes in another city
            if (random.chance(0.3)) {
                city = profile.cities().get(random.below(profile.cities().size()));
            }
            address = city.address(random);
        }
        SignInOutcome outcome = legacy ? legacyOutcome(user, random) : modernOutcome(random);
        boolean interactive = random.chance(kind.interactiveShare());
        boolean multifactor = !legacy && interactive && random.chance(0.6);
        String conditionalAccess;
        if (outcome == SignInOutcome.BLOCKED_BY_CONDITIONAL_ACCESS) {
            conditionalAccess = "failure";
        }
        else if (!legacy && random.chance(0.4)) {
            conditionalAccess = "success";
        }
        else {
            conditionalAccess = "notApplied";
        }
        return new SampleSignIn(id, createdAt, tenant, user.id(), user.userPrincipalName(), user.displayName(), kind, address,
                city, outcome, interactive, correlationId, token, legacy ? "" : sessionId, multifactor, conditionalAccess, latency);
    }

    private static SignInOutcome legacyOutcome(SampleUser user, SampleRandom random)
    {
        if (user.legacyAlwaysFails()) {
            return SignInOutcome.INVALID_PASSWORD;
        }
        double draw = random.unit();
        if (draw < 0.94) {
            return SignInOutcome.SUCCESS;
        }
        if (draw < 0.98) {
            return SignInOutcome.INVALID_PASSWORD;
        }
        if (draw < 0.99) {
            return SignInOutcome.ACCOUNT_LOCKED;
        }
        return SignInOutcome.BLOCKED_BY_CONDITIONAL_ACCESS;
    }

    private static SignInOutcome modernOutcome(SampleRandom random)
    {
        double draw = random.unit();
        if (draw < 0.90) {
            return SignInOutcome.SUCCESS;
        }
        if (draw < 0.95) {
            return SignInOutcome.MFA_REQUIRED;
        }
        if (draw < 0.98) {
            return SignInOutcome.INVALID_PASSWORD;
        }
        return SignInOutcome.BLOCKED_BY_CONDITIONAL_ACCESS;
    }

    private int pickUser(double draw)
    {
        double target = draw * cumulativeActivity[cumulativeActivity.length - 1];
        int low = 0;
        int high = cumulativeActivity.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeActivity[middle] > target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Maps (index + jitter) / rows through the hourly weights: strictly increasing in the index. */
    private Instant time(int index, double jitter)
    {
        double total = cumulativeHourWeights[cumulativeHourWeights.length - 1];
        double target = (index + jitter) / rows * total;
        int low = 0;
        int high = cumulativeHourWeights.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeHourWeights[middle] > target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        double before = low == 0 ? 0 : cumulativeHourWeights[low - 1];
        double fraction = (target - before) / hourWeights[low];
        long millis = Math.min(MILLIS_PER_HOUR - 1, Math.max(0, (long) (fraction * MILLIS_PER_HOUR)));
        return rangeStart.plusMillis(low * MILLIS_PER_HOUR + millis);
    }
}
