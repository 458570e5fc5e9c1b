package io.usagereport.ingest;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:} paths), setting permissions through {@code java.nio} instead of a
 * {@code chmod} process.
 *
 * <p>Without Hadoop's native library, which its client jars do not hold, {@link RawLocalFileSystem} starts a
 * {@code chmod} process for every folder and file that Spark's writers create (each data file, its checksum file,
 * each partition folder): tens of milliseconds each, and most of the time of writing a lake with thousands of
 * partitions. This one sets the same permission bits in the process; a permission {@code java.nio} cannot express
 * (the sticky bit) or a file system without POSIX permissions goes to Hadoop's own way.
 *
 * <p>{@link SparkSessions} makes it the {@code file:} file system ({@code fs.file.impl}) of every session.
 */
public final class NioLocalFileSystem
        extends LocalFileSystem
{
    public NioLocalFileSystem()
    {
        super(new Raw());
    }

    /** The POSIX permission bits of {@code permission}; empty when it has more than those (the sticky bit). */
    static Optional<Set<PosixFilePermission>> posixPermissions(FsPermission permission)
    {
        if (permission.getStickyBit()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
        add(bits, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        add(bits, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);
        add(bits, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
        return Optional.of(bits);
    }

    private static void add(Set<PosixFilePermission> bits, FsAction action, PosixFilePermission read, PosixFilePermission write, PosixFilePermission execute)
    {
        if (action.implies(FsAction.READ)) {
            bits.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            bits.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            bits.add(execute);
        }
    }

    /** The raw file system under the checksums: the one that sets permissions. */
    static final class Raw
            extends RawLocalFileSystem
    {
        @Override
        public void setPermission(Path path, FsPermission permission)
                throws IOException
        {
            Optional<Set<PosixFilePermission>> bits = posixPermissions(permission);
            if (bits.isEmpty()) {
                super.setPermission(path, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(path).toPath(), bits.get());
            }
            catch (NoSuchFileException e) {
                // what Hadoop's callers expect of a missing file
                FileNotFoundException missing = new FileNotFoundException("File " + path + " does not exist");
                missing.initCause(e);
                throw missing;
            }
            catch (UnsupportedOperationException e) {
                // not a POSIX file system (e.g. Windows)
                super.setPermission(path, permission);
            }
        }
    }
}
