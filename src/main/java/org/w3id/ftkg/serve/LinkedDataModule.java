package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * FTKG's own routes beside Fuseki's endpoints, as one Fuseki module: the Linked Data IRIs
 * (/id, /fact, /source), the pages and views, the dumps, the VoID description and the static
 * files, with the security headers every response carries.
 *
 * @param store   the data the routes show
 * @param project the project folder (seeds/, queries/)
 * @param dist    the built dumps to serve
 */
public record LinkedDataModule(LinkedDataStore store, Path project, Path dist) implements FusekiModule {

    @Override
    public String name() {
        return "FTKG Linked Data";
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        Path seeds = project.resolve("seeds");
        PagesServlet pages = new PagesServlet(store, project.resolve("queries"));
        ViewsServlet views = new ViewsServlet(store, seeds);
        DataRelease release = DataRelease.of(dist);
        b.addFilter("/*", new SecurityHeadersFilter())
            .addServlet("/id/*", new LinkedDataServlet("id", store, seeds, release))
            .addServlet("/fact/*", new LinkedDataServlet("fact", store, seeds, release))
            .addServlet("/source/*", new LinkedDataServlet("source", store, seeds, release))
            .addServlet("/dumps/*", new DumpsServlet(dist))
            .addServlet("/.well-known/void", new VoidServlet(dist))
            .addServlet("/static/*", new StaticServlet())
            .addServlet("/timeline", views)
            .addServlet("/network", views)
            .addServlet("/sources", views)
            .addServlet("", pages)
            .addServlet("/index.html", pages)
            .addServlet("/sparql/*", pages);
    }
}
