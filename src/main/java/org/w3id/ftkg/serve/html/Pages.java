package org.w3id.ftkg.serve.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders pages with the templates of {@code src/main/jte}, compiled into the jar at build time
 * (no template compiler at run time). Every {@code ${...}} in a template is escaped for where it
 * stands (text, attribute), so data values never become markup.
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The data release the page being rendered comes from, named in every page's footer. */
    private static final ThreadLocal<Footer> FOOTER = ThreadLocal.withInitial(() -> Footer.UNRELEASED);

    /** What the footer says about the data's release, and where the releases are listed (null: nowhere). */
    public record Footer(String release, String href) {
        public static final Footer UNRELEASED = new Footer("unreleased build", null);
    }

    private Pages() {}

    public static String render(Page page) {
        StringOutput out = new StringOutput(16384);
        ENGINE.render(template(page), page, out);
        return out.toString();
    }

    /** The footer of the pages this thread renders (set per request by the server's release filter). */
    public static Footer footer() {
        return FOOTER.get();
    }

    public static void setFooter(Footer footer) {
        FOOTER.set(footer == null ? Footer.UNRELEASED : footer);
    }

    /** {@code HomePage} → {@code home.jte}. */
    static String template(Page page) {
        String name = page.getClass().getSimpleName().replaceFirst("Page$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + ".jte";
    }
}
