package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.w3id.ftkg.release.ReleaseDiff;
import org.w3id.ftkg.release.ReleaseFolder;
import org.w3id.ftkg.store.Tdb2Store;

/** The finished releases ({@code SHA256SUMS}) of a releases folder, oldest first by version. */
public record HeldReleases(List<HeldRelease> all) {
    public static final HeldReleases NONE = new HeldReleases(List.of());

    public HeldReleases {
        all = List.copyOf(all);
    }

    /** The releases in {@code dir}; none when {@code dir} is null or absent. */
    public static HeldReleases in(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir))
            return NONE;
        List<HeldRelease> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            // A release being written is a hidden temporary sibling (".1.0.tmp-…"): not a release yet.
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> Files.isRegularFile(p.resolve(ReleaseFolder.SUMS))).sorted().toList())
                out.add(HeldRelease.read(p));
        } catch (IOException | RuntimeException e) {
            new HeldReleases(out).close(); // the databases opened so far
            throw e;
        }
        out.sort(Comparator.comparing(HeldRelease::version, ReleaseFolder::compareVersions));
        return new HeldReleases(out);
    }

    /** Closes the TDB2 databases of the releases served from one (in-memory ones need nothing). */
    public void close() {
        all.forEach(r -> Tdb2Store.release(r.dataset()));
    }

    public Optional<HeldRelease> newest() {
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<HeldRelease> find(String version) {
        return all.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** The newest release holding the fact {@code id}, if any does. */
    public Optional<HeldRelease> lastHaving(String factId) {
        for (int i = all.size() - 1; i >= 0; i--)
            if (all.get(i).facts().containsKey(factId))
                return Optional.of(all.get(i));
        return Optional.empty();
    }

    /** What changed from a release's predecessor to it, when the server holds both. */
    public Optional<ReleaseDiff> diff(HeldRelease r) {
        return Optional.ofNullable(r.previous()).flatMap(this::find)
            .map(p -> ReleaseDiff.between(p.version(), p.facts(), r.version(), r.facts()));
    }
}
