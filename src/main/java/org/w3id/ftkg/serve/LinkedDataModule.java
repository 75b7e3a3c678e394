package org.w3id.ftkg.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.ftkg.release.ReleaseFolder;

/**
 * FTKG's own routes beside Fuseki's endpoints, as one Fuseki module: the Linked Data IRIs, the pages and views, the
 * dumps, the VoID description and the static files, with the security headers and the release every page names.
 *
 * @param served   the release the default routes serve (or "unreleased")
 * @param releases the releases held: a fact only they have answers 410 Gone, pointing to the last one
 * @param views    the timeline, network and sources pages, which start reading what they keep once the server answers
 */
public record LinkedDataModule(LinkedDataStore store, Path project, Path dist, DataRelease served, HeldReleases releases,
                               ViewsServlet views)
    implements FusekiModule {

    public LinkedDataModule(LinkedDataStore store, Path project, Path dist, DataRelease served, HeldReleases releases) {
        this(store, project, dist, served, releases, new ViewsServlet(store, project.resolve("seeds")));
    }

    @Override
    public String name() {
        return "FTKG Linked Data";
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // The data is loaded once the server answers (FtkgServer): the views may read it from now on.
        views.prepare();
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        // The source texts of the served release when the data is one (held, or its dumps given as dist), else of the project.
        Path seeds = releases.find(served.version()).filter(r -> served.released()).map(r -> r.seeds(project))
            .or(() -> ReleaseFolder.ofDumps(dist).map(r -> r.resolve(ReleaseFolder.SEEDS)).filter(Files::isDirectory))
            .orElse(project.resolve("seeds"));
        // A shared query link names the release it ran on when there is one, so that it reruns on the same data.
        String pinned = releases.newest().filter(r -> r.version().equals(served.version())).map(r -> r.base() + "/sparql")
            .orElse("/sparql");
        PagesServlet pages = new PagesServlet(store, project.resolve("queries"), dist, "", pinned);
        LinkedDataServlet.mount(b, "", store, seeds, served, releases);
        OntologyServlet.mount(b, new OntologyServlet(store, dist));
        b.addFilter("/*", new SecurityHeadersFilter())
            .addFilter("/*", new PageReleaseFilter(served, releases))
            .addServlet("/dumps/*", new DumpsServlet(dist))
            .addServlet("/.well-known/void", new VoidServlet(dist))
            .addServlet("/static/*", new StaticServlet())
            .addServlet("/timeline", views)
            .addServlet("/network", views)
            .addServlet("/network.json", views)
            .addServlet("/sources", views)
            .addServlet("", pages)
            .addServlet("/index.html", pages)
            .addServlet("/sparql/*", pages);
    }
}
