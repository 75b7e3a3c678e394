package org.w3id.ftkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.w3id.ftkg.replica.ReplicaSettings;
import org.w3id.ftkg.serve.FtkgServer;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.serve.ServerSettings;
import org.w3id.ftkg.serve.ServiceAllowList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = { "Serve the data: SPARQL endpoint, Linked Data pages, dumps and VoID, from fuseki-config/ftkg.ttl.",
        "Read-only unless --allow-update is given with credentials. Stop with Ctrl-C.",
        "The newest release (of --releases) is served at the default routes (unless --tdb2 is given), every one read-only "
            + "under /v/VERSION/; /releases/ lists them." })
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", defaultValue = "localhost",
        description = "localhost (loopback only, the default) or 0.0.0.0 (every interface).")
    String host;

    @Option(names = "--timeout", paramLabel = "MS", description = "Query timeout in milliseconds (default: the one in fuseki-config/ftkg.ttl, 5000).")
    Long timeout;

    @Option(names = "--max-result-bytes", defaultValue = "67108864", description = "Largest SPARQL result returned (default: ${DEFAULT-VALUE}).")
    long maxResultBytes;

    @Option(names = "--allow-service", paramLabel = "URL", split = ",",
        description = "Endpoints federated SERVICE calls may reach (default: " + ServiceAllowList.WIKIDATA + ").")
    List<String> allowService;

    @Option(names = "--tdb2", paramLabel = "DIR",
        description = "Serve a TDB2 database made by build --tdb2 instead of reading dist/ into memory.")
    java.nio.file.Path tdb2;

    @Mixin
    ReleasesOption releases;

    @Option(names = "--no-releases", description = "Serve no releases: only dist/ (or --tdb2) at the default routes.")
    boolean noReleases;

    @Option(names = "--drain", paramLabel = "MS", defaultValue = "0",
        description = { "On SIGTERM, answer 503 on /$/ready but keep serving this long before stopping, so that a balancer's "
            + "health checks take the replica out first (default: ${DEFAULT-VALUE}).",
            "Requests in flight then get up to 30 s to finish." })
    long drainMillis;

    @Option(names = "--allow-update", description = "Add an update endpoint (/ftkg/update) behind HTTP basic authentication.")
    boolean allowUpdate;

    @Option(names = "--credentials-file", paramLabel = "FILE",
        description = "File holding 'user:password' for --allow-update (or set FTKG_UPDATE_CREDENTIALS).")
    Path credentialsFile;

    @Override
    public Integer call() throws Exception {
        if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("0.0.0.0"))
            throw new UserException("--host must be localhost, 127.0.0.1 or 0.0.0.0", Main.USAGE);
        if (noReleases && releases.dir != null)
            throw new UserException("give --releases DIR or --no-releases, not both", Main.USAGE);
        if (releases.dir != null && !Files.isDirectory(releases.dir))
            throw new UserException("--releases " + releases.dir + ": no such folder", Main.USAGE);
        Path held = noReleases ? null : releases.in(options.project);
        boolean released = held != null && org.w3id.ftkg.release.ReleaseFolder.latest(held).isPresent();
        // The server never builds: it serves what `build` wrote, the newest release, or a TDB2 database.
        if (tdb2 == null && !released && !java.nio.file.Files.isRegularFile(options.dist().resolve(Dumps.TRIG)))
            throw new UserException("no built data in " + options.dist() + ": run `java -jar target/ftkg.jar build` first "
                + "(or serve a database with --tdb2 DIR)", Main.USAGE);
        ServerSettings.Builder s = ServerSettings.builder(options.project).dist(options.dist()).port(port).host(host)
            .timeout(timeout).maxResultBytes(maxResultBytes).tdb2(tdb2).releases(held);
        if (allowService != null)
            s.serviceAllowList(allowService);
        if (allowUpdate)
            s.update(credentials());
        else if (credentialsFile != null)
            throw new UserException("--credentials-file needs --allow-update", Main.USAGE);
        System.err.println("ftkg: loading data and starting the server");
        // A database another process holds fails with its message and exit code 3 (see Failures).
        FtkgServer server = FtkgServer.start(s.build(), ReplicaSettings.defaults().withDrain(Duration.ofMillis(drainMillis)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        String base = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port();
        System.out.println("FTKG is ready:");
        System.out.println("  home            " + base + "/");
        System.out.println("  SPARQL endpoint " + base + "/ftkg/sparql");
        System.out.println("  query page      " + base + "/sparql");
        System.out.println("  search          " + base + "/search?q=");
        System.out.println("  dumps           " + base + "/dumps/");
        System.out.println("  VoID            " + base + "/.well-known/void");
        System.out.println("  releases        " + base + "/releases/");
        System.out.println("  health          " + base + "/$/ready, " + base + "/$/live");
        System.out.println("  metrics         " + base + "/$/metrics (Prometheus)");
        if (allowUpdate)
            System.out.println("  update          " + base + "/ftkg/update (basic auth)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private ServerSettings.Credentials credentials() throws Exception {
        String raw;
        if (credentialsFile != null)
            raw = Files.readString(credentialsFile).strip();
        else if (System.getenv("FTKG_UPDATE_CREDENTIALS") != null)
            raw = System.getenv("FTKG_UPDATE_CREDENTIALS").strip();
        else
            throw new UserException("--allow-update needs credentials: --credentials-file FILE or FTKG_UPDATE_CREDENTIALS "
                + "(there is no default password)", Main.USAGE);
        int colon = raw.indexOf(':');
        if (colon <= 0 || colon == raw.length() - 1)
            throw new UserException("credentials must be 'user:password'", Main.USAGE);
        String password = raw.substring(colon + 1);
        if (password.length() < 12)
            throw new UserException("the update password must have at least 12 characters", Main.USAGE);
        return new ServerSettings.Credentials(raw.substring(0, colon), password);
    }
}
