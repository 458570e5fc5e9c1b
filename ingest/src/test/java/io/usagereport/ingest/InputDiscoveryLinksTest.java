package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders that are not tenants, and links on a local disk, in {@link InputDiscovery}. */
class InputDiscoveryLinksTest
{
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String OTHER_TENANT = "3f2a9c1e-6b7d-4e58-9a01-2c3d4e5f6a7b";

    @TempDir
    Path temporary;

    @Test
    void folderNotNamedAfterATenantIsReported()
            throws IOException
    {
        Path input = Files.createDirectories(temporary.resolve("INPUT"));
        write(input.resolve(TENANT).resolve("a.csv"));
        write(input.resolve("contoso").resolve("b.csv"));

        InputDiscovery.Discovered discovered = discover(input);

        assertThat(discovered.files()).extracting(InputFile::sourceFile).containsExactly(input + "/" + TENANT + "/a.csv");
        assertThat(discovered.problems()).containsExactly(
                "Skipped folder " + input + "/contoso: its name is not a tenant id (a GUID); name it after the tenant, or pass --tenant");
    }

    @Test
    void linksLeadingOutsideTheInputFolderAreSkipped()
            throws IOException
    {
        Path outside = Files.createDirectories(temporary.resolve("elsewhere"));
        write(outside.resolve("secret.csv"));
        Files.createDirectories(outside.resolve(OTHER_TENANT));
        write(outside.resolve(OTHER_TENANT).resolve("c.csv"));
        Path input = Files.createDirectories(temporary.resolve("INPUT"));
        Path tenant = Files.createDirectories(input.resolve(TENANT));
        write(tenant.resolve("a.csv"));
        Files.createSymbolicLink(tenant.resolve("b.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(tenant.resolve("more"), outside);
        Files.createSymbolicLink(input.resolve(OTHER_TENANT), outside.resolve(OTHER_TENANT));

        InputDiscovery.Discovered discovered = discover(input);

        assertThat(discovered.files()).extracting(InputFile::sourceFile).containsExactly(input + "/" + TENANT + "/a.csv");
        assertThat(discovered.problems()).containsExactly(
                "Skipped " + input + "/" + OTHER_TENANT + ": a link leading outside the input folder",
                "Skipped " + input + "/" + TENANT + "/b.csv: a link leading outside the input folder",
                "Skipped " + input + "/" + TENANT + "/more: a link leading outside the input folder");
    }

    @Test
    void linksInsideTheInputFolderAreFollowedButNotInALoop()
            throws IOException
    {
        Path input = Files.createDirectories(temporary.resolve("INPUT"));
        Path tenant = Files.createDirectories(input.resolve(TENANT));
        write(tenant.resolve("a.csv"));
        Files.createDirectories(input.resolve("shared"));
        write(input.resolve("shared").resolve("s.csv"));
        Files.createSymbolicLink(tenant.resolve("b.csv"), tenant.resolve("a.csv"));
        Files.createSymbolicLink(tenant.resolve("loop"), tenant);
        Files.createSymbolicLink(tenant.resolve("shared"), input.resolve("shared"));

        InputDiscovery.Discovered discovered = discover(input);

        assertThat(discovered.files()).extracting(InputFile::sourceFile).containsExactly(
                input + "/" + TENANT + "/a.csv",
                input + "/" + TENANT + "/b.csv",
                input + "/" + TENANT + "/shared/s.csv");
        assertThat(discovered.problems()).containsExactly(
                "Skipped " + input + "/" + TENANT + "/loop: a link to a folder that contains it (it would loop)",
                "Skipped folder " + input + "/shared: its name is not a tenant id (a GUID); name it after the tenant, or pass --tenant");
    }

    @Test
    void linkWithAMissingTargetIsReported()
            throws IOException
    {
        Path input = Files.createDirectories(temporary.resolve("INPUT"));
        Path tenant = Files.createDirectories(input.resolve(TENANT));
        write(tenant.resolve("a.csv"));
        Files.createSymbolicLink(tenant.resolve("gone.csv"), temporary.resolve("nowhere.csv"));

        InputDiscovery.Discovered discovered = discover(input);

        assertThat(discovered.files()).extracting(InputFile::sourceFile).containsExactly(input + "/" + TENANT + "/a.csv");
        assertThat(discovered.problems()).containsExactly(
                "Skipped " + input + "/" + TENANT + "/gone.csv: a link whose target does not exist");
    }

    @Test
    void namedInputThatIsItselfALinkIsSearchedInside()
            throws IOException
    {
        Path real = Files.createDirectories(temporary.resolve("real"));
        write(real.resolve(TENANT).resolve("a.csv"));
        Path input = Files.createSymbolicLink(temporary.resolve("INPUT"), real);

        InputDiscovery.Discovered discovered = discover(input);

        assertThat(discovered.files()).extracting(InputFile::sourceFile).containsExactly(input + "/" + TENANT + "/a.csv");
        assertThat(discovered.problems()).isEmpty();
    }

    private static InputDiscovery.Discovered discover(Path input)
    {
        return InputDiscovery.discover(new Configuration(), List.of(input.toString()), Optional.empty());
    }

    private static void write(Path file)
            throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\"Date (UTC)\",\"Request ID\"\r\n", StandardCharsets.UTF_8);
    }
}
