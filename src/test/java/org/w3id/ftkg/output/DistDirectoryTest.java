package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.files.RefusedOutputException;
import org.junit.jupiter.api.io.TempDir;

class DistDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesThePreviousFolderExactlyAsItWas() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "old"));
        assertThrows(IOException.class, () -> DistDirectory.replace(dist, d -> {
            Files.writeString(d.resolve("a.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(dist.resolve("a.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary folder is left behind");
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheWholeFolder() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("stale.txt"), "x"));
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("new.txt"), "y"));
        assertFalse(Files.exists(dist.resolve("stale.txt")));
        assertEquals("y", Files.readString(dist.resolve("new.txt")));
    }

    @Test
    void aRunKilledBetweenTheRenamesIsRepairedByTheNext() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "old"));
        // Simulate a kill after the first rename: only the previous copy and a temporary exist.
        Files.move(dist, tmp.resolve(".dist.previous"));
        Files.createDirectories(tmp.resolve(".dist.tmp-123"));
        DistDirectory.recover(dist);
        assertEquals("old", Files.readString(dist.resolve("a.txt")));
        assertFalse(Files.exists(tmp.resolve(".dist.tmp-123")));
        assertTrue(Files.isDirectory(dist));
    }

    @Test
    void aNonEmptyFolderWithoutTheMarkerIsNeverReplaced() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "years of work");
        var e = assertThrows(RefusedOutputException.class, () -> DistDirectory.replace(foreign, d -> Files.writeString(d.resolve("a.txt"), "x")));
        assertTrue(e.getMessage().contains("FTKG did not write"), e.getMessage());
        assertEquals("years of work", Files.readString(foreign.resolve("thesis.tex")));
        assertFalse(Files.exists(foreign.resolve("a.txt")));
    }

    @Test
    void aFileSystemRootIsRefusedNotAnNpe() {
        var e = assertThrows(RefusedOutputException.class, () -> DistDirectory.replace(Path.of("/"), d -> {}));
        assertTrue(e.getMessage().contains("root of a file system"), e.getMessage());
    }

    @Test
    void everyFolderWrittenCarriesTheMarkerSoItCanBeReplacedAgain() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "one"));
        assertTrue(Files.isRegularFile(dist.resolve(OutputGuard.MARKER)));
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "two"));
        assertEquals("two", Files.readString(dist.resolve("a.txt")));
    }
}
