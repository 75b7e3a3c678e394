package org.w3id.ftkg.serve.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders pages with the templates of {@code src/main/jte}, precompiled, each {@code ${...}} escaped where it stands. */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The data release the page being rendered comes from (set per request by the server's release filter). */
    private static final ThreadLocal<Served> SERVED = ThreadLocal.withInitial(() -> Served.UNRELEASED);

    /** The release a page comes from: its footer, the releases' list (or null), its routes' base ("" or /v/VERSION). */
    public record Served(String release, String href, String base) {
        public static final Served UNRELEASED = new Served("unreleased build", null, "");
    }

    private Pages() {}

    public static String render(Page page) {
        StringOutput out = new StringOutput(16384);
        ENGINE.render(template(page), page, out);
        return out.toString();
    }

    /** The release of the pages this thread renders. */
    public static Served served() {
        return SERVED.get();
    }

    public static void setServed(Served served) {
        SERVED.set(served == null ? Served.UNRELEASED : served);
    }

    /** {@code HomePage} → {@code home.jte}. */
    static String template(Page page) {
        String name = page.getClass().getSimpleName().replaceFirst("Page$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + ".jte";
    }
}
