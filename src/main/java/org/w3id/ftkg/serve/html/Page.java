package org.w3id.ftkg.serve.html;

/** What a page shows; {@link Pages#render} renders it with the template named after it ({@code home.jte}). */
public sealed interface Page
    permits HomePage, EntityPage, FactPage, SourcePage, SourcesPage, QueryPage, TimelinePage, NetworkPage, DumpsPage,
    SearchPage, ReleasesPage, ChangesPage, GonePage, OntologyPage {}
