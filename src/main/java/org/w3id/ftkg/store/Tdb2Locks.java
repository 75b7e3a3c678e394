package org.w3id.ftkg.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * TDB2's {@code tdb.lock} files in a database folder. TDB2 holds an operating-system lock on each
 * while a process has the database open, and writes that process's id into it. A folder copied from
 * a running replica (or left by a killed one) keeps the file with a process id that no longer holds
 * the lock; a folder another live process has open has a held lock. The held lock is the truth, not
 * the process id, which in a copy may name a live, unrelated process.
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
     * Checks every {@code tdb.lock} of the database at {@code dir}: a lock held by another process
     * refuses the folder; a stale one is removed (while this process holds its lock, so no other
     * process can be relying on it at that moment).
     *
     * @return the stale lock files removed
     */
    public static List<Path> claim(Path dir, Consumer<String> log) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path lock : lockFiles(dir)) {
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
                    removed.add(lock);
                    log.accept("removed a stale " + dir.relativize(lock) + " (written by process " + stale + ", which does not hold it on this folder)");
                } finally {
                    held.release();
                }
            }
        }
        return removed;
    }

    private static List<Path> lockFiles(Path dir) throws IOException {
        List<Path> locks = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(LOCK_FILE)))
            locks.add(dir.resolve(LOCK_FILE));
        // TDB2 keeps one storage folder per compaction generation (Data-0001, Data-0002...), each locked too.
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "Data-*")) {
            for (Path d : ds)
                if (Files.isRegularFile(d.resolve(LOCK_FILE)))
                    locks.add(d.resolve(LOCK_FILE));
        }
        return locks;
    }

    private static String pid(Path lock) {
        try {
            String s = Files.readString(lock, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "(unknown)" : s;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
