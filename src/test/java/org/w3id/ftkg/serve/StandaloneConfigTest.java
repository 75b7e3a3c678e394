package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.cmds.FusekiMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code fuseki-config/ftkg.ttl} run by standalone Fuseki ({@code fuseki-server --config}),
 * which has none of the embedded server's code: the configuration itself must keep federated
 * SERVICE calls from reaching loopback or private addresses.
 */
class StandaloneConfigTest {
    @Test
    void theConfigurationAloneRefusesEveryServiceCall(@TempDir Path tmp) throws Exception {
        AtomicInteger reached = new AtomicInteger();
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", ex -> {
            reached.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        target.start();
        Path trig = tmp.resolve("ftkg.trig");
        Files.writeString(trig, "<urn:x-test:g> { <http://example.org/s> <http://example.org/p> \"o\" . }\n");
        // The shipped file, with its dataset path made absolute (standalone Fuseki reads it from the project folder).
        String config = Files.readString(TestProject.ROOT.resolve(FtkgServer.CONFIG))
            .replace("\"dist/ftkg.trig\"", "\"" + trig.toUri() + "\"");
        Path configFile = tmp.resolve("ftkg.ttl");
        Files.writeString(configFile, config);
        FusekiServer server = FusekiMain.build("--config=" + configFile, "--port=0", "--localhost");
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String loop = "http://127.0.0.1:" + target.getAddress().getPort() + "/sparql";
            for (String q : List.of("SELECT * { SERVICE <" + loop + "> { ?s ?p ?o } }",
                "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <" + loop + "> { ?a ?b ?c } } }",
                "SELECT * { SERVICE SILENT <" + loop + "> { ?s ?p ?o } }",
                "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }")) {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/ftkg/sparql"))
                    .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+xml").POST(HttpRequest.BodyPublishers.ofString(q)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                // A refused SERVICE inside FILTER EXISTS only fails its row, and SILENT hides the failure: 200, no rows.
                boolean refused = r.statusCode() >= 400 && r.statusCode() < 500
                    || (q.contains("EXISTS") || q.contains("SILENT")) && r.statusCode() == 200 && !r.body().contains("<binding");
                assertTrue(refused, q + " -> " + r.statusCode() + " " + r.body());
            }
            assertEquals(0, reached.get(), "no SERVICE request left the server");
            var ok = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort()
                + "/ftkg/sparql?query=ASK%7BGRAPH%20%3Fg%7B%3Fs%20%3Fp%20%3Fo%7D%7D")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(ok.body().contains("true"), "the data is served: " + ok.body());
        } finally {
            server.stop();
            target.stop(0);
        }
    }
}
