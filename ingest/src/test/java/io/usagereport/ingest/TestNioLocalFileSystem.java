package io.usagereport.ingest;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestNioLocalFileSystem
{
    @TempDir
    java.nio.file.Path folder;

    @Test
    void everySessionWritesLocalFoldersThroughIt()
            throws IOException
    {
        Configuration hadoop = TestingSpark.session().sparkContext().hadoopConfiguration();
        assertThat(hadoop.get("fs.file.impl")).isEqualTo(NioLocalFileSystem.class.getName());
        // not FileSystem.get: its JVM-wide cache may hold a file system made earlier from another configuration
        try (FileSystem fileSystem = FileSystem.newInstance(URI.create("file:///"), hadoop)) {
            assertThat(fileSystem).isInstanceOf(NioLocalFileSystem.class);
        }
    }

    @Test
    void newFoldersAndFilesGetHadoopsPermissions()
            throws IOException
    {
        FileSystem fileSystem = fileSystem();
        Path partition = new Path(folder.toUri().toString(), "tenant_id=t1/month=2022-09");
        assertThat(fileSystem.mkdirs(partition, new FsPermission((short) 0750))).isTrue();
        try (FSDataOutputStream output = fileSystem.create(new Path(partition, "part-0.parquet"), new FsPermission((short) 0640), true, 4096,
                (short) 1, 1 << 20, null)) {
            output.write(new byte[] {1, 2, 3});
        }
        java.nio.file.Path written = folder.resolve("tenant_id=t1/month=2022-09");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.resolve("part-0.parquet")))).isEqualTo("rw-r-----");
        assertThat(Files.readAllBytes(written.resolve("part-0.parquet"))).containsExactly(1, 2, 3);
        // the checksum file beside it, as Hadoop's local file system writes one
        assertThat(written.resolve(".part-0.parquet.crc")).exists();
    }

    @Test
    void setsEveryPermissionBit()
            throws IOException
    {
        FileSystem fileSystem = fileSystem();
        Path file = new Path(folder.toUri().toString(), "file");
        fileSystem.create(file).close();
        for (short mode : new short[] {0777, 0700, 0644, 0421, 0000}) {
            fileSystem.setPermission(file, new FsPermission(mode));
            assertThat(fileSystem.getFileStatus(file).getPermission().toShort()).as("mode %o", mode).isEqualTo(mode);
        }
    }

    @Test
    void theStickyBitGoesToHadoopsOwnWay()
            throws IOException
    {
        FileSystem fileSystem = fileSystem();
        Path shared = new Path(folder.toUri().toString(), "shared");
        fileSystem.mkdirs(shared);
        assertThat(NioLocalFileSystem.posixPermissions(new FsPermission((short) 01777))).isEmpty();
        fileSystem.setPermission(shared, new FsPermission((short) 01777));
        assertThat(fileSystem.getFileStatus(shared).getPermission().toShort()).isEqualTo((short) 01777);
    }

    @Test
    void aMissingFileIsNotFound()
    {
        FileSystem fileSystem = fileSystem();
        Path missing = new Path(folder.toUri().toString(), "missing");
        assertThatThrownBy(() -> fileSystem.setPermission(missing, new FsPermission((short) 0644)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("File " + missing + " does not exist");
    }

    private static FileSystem fileSystem()
    {
        NioLocalFileSystem fileSystem = new NioLocalFileSystem();
        try {
            fileSystem.initialize(URI.create("file:///"), new Configuration(false));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return fileSystem;
    }
}
