package org.w3id.ftkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * TDB2's {@code tdb.lock} files: TDB2 holds an operating-system lock on each while a process has the database open,
 * and writes its process id into it. A folder copied from a running replica (or left by a killed one) keeps files no
 * process holds; the held lock is the truth, not the id, which in a copy may name a live, unrelated process.
 */
public final class Tdb2Locks {
    static final String LOCK_FILE = "tdb.lock";

    private Tdb2Locks() {}

    /** Another live process has the database open. */
    public static final class DatabaseInUseException extends IOException {
        public DatabaseInUseException(String message) {
            super(message);
        }
    }

    /**
     * Refuses the database at {@code dir} if another process holds one of its locks; removes the stale ones (while
     * holding them, so no other process can be relying on them at that moment).
     */
    public static void claim(Path dir, Consumer<String> log) throws IOException {
        // TDB2 keeps one storage folder per compaction generation (Data-0001, Data-0002...), each locked too.
        List<Path> locks;
        try (Stream<Path> data = Files.list(dir)) {
            locks = Stream.concat(Stream.of(dir), data.filter(d -> d.getFileName().toString().startsWith("Data-")))
                .map(d -> d.resolve(LOCK_FILE)).filter(Files::isRegularFile).toList();
        }
        for (Path lock : locks) {
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock held;
                try {
                    held = ch.tryLock();
                } catch (OverlappingFileLockException thisProcess) {
                    continue; // this JVM has the database open already; TDB2 reuses its connection
                }
                if (held == null)
                    throw new DatabaseInUseException(dir + " is in use by process " + pid(lock)
                        + " (it holds " + lock + "); give each replica its own copy of the database");
                try {
                    String stale = pid(lock);
                    Files.delete(lock);
                    log.accept("removed a stale " + dir.relativize(lock) + " (written by process " + stale + ", which does not hold it on this folder)");
                } finally {
                    held.release();
                }
            }
        }
    }

    private static String pid(Path lock) {
        try {
            String s = Files.readString(lock).strip();
            return s.isEmpty() ? "(unknown)" : s;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
