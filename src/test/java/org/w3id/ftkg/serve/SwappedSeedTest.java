package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/**
 * Issue 17, item 11, on the server's side: the build refuses seeds that are links leaving
 * {@code seeds/} or pipes, and so does every page that reads a source's text after the build. A seed
 * swapped under a running server is never served and never waited on.
 */
class SwappedSeedTest {
    static final String SECRET = "root:x:0:0:secret-from-outside-seeds";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSeedSwappedForALinkOrAPipeAfterTheBuildIsNeverServed(@TempDir Path tmp) throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini").built();
        Path outside = Files.writeString(tmp.resolve("passwd"), SECRET);
        List<Path> seeds;
        try (var files = Files.list(project.resolve("seeds"))) {
            seeds = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        try (FtkgServer server = FtkgServer.start(ServerSettings.builder(project.dir()).port(0).build())) {
            for (int i = 0; i < seeds.size(); i++) {
                Path seed = seeds.get(i);
                Files.delete(seed);
                if (i % 2 == 0)
                    Files.createSymbolicLink(seed, outside);
                else
                    new ProcessBuilder("mkfifo", seed.toString()).inheritIO().start().waitFor();
            }
            for (Path seed : seeds) {
                String stem = seed.getFileName().toString().replaceFirst("\\.txt$", "");
                for (String path : List.of("/source/" + stem + ".txt", "/source/" + stem, "/sources")) {
                    // The pages that show the text (HTML); the RDF description holds no text and stays 200.
                    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                    assertFalse(res.body().contains("secret-from-outside-seeds"), path + " served a file outside seeds/");
                    assertNotEquals(200, res.statusCode(), path + " answered 200 with a swapped seed");
                }
            }
        }
    }
}
