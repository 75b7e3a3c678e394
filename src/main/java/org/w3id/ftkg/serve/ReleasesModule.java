package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * The releases held, as one Fuseki module: {@code /releases/} and, for each, its Linked Data routes and query page
 * under {@code /v/VERSION/} (its endpoint is a dataset of {@link FtkgServer#builder}); {@code project} gives queries/.
 */
public record ReleasesModule(HeldReleases releases, Path project) implements FusekiModule {

    @Override
    public String name() {
        return "FTKG releases";
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        ReleasesServlet list = new ReleasesServlet(releases);
        b.addServlet("/releases", list).addServlet("/releases/*", list);
        for (HeldRelease r : releases.all()) {
            LinkedDataStore store = new LinkedDataStore(r.dataset());
            LinkedDataServlet.mount(b, r.base(), store, r.seeds(project), r.asDataRelease(), HeldReleases.NONE);
            PagesServlet pages = new PagesServlet(store, project.resolve("queries"), r.dir(), r.base(), r.base() + "/sparql");
            b.addServlet(r.base() + "/sparql", pages)
                .addServlet(r.base() + "/sparql/*", pages);
        }
    }
}
