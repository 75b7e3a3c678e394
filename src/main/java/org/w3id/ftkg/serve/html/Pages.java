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

    private Pages() {}

    public static String render(Page page) {
        StringOutput out = new StringOutput(16384);
        ENGINE.render(template(page), page, out);
        return out.toString();
    }

    /** {@code HomePage} → {@code home.jte}. */
    static String template(Page page) {
        String name = page.getClass().getSimpleName().replaceFirst("Page$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + ".jte";
    }
}
