package org.w3id.ftkg.serve.html;

/** The quote a fact rests on, where it sits in its source (code points, end exclusive), and the curation line it came from. */
public record Evidence(String factId, String quote, String sourceFile, String sourceStem, int start, int end,
                       String curationFile, int curationLine) {
    /** The quoted passage, highlighted on its source page (an RFC 5147 fragment), in the release being shown. */
    public String passageHref() {
        return Pages.served().base() + "/source/" + sourceStem + "#char=" + start + "," + end;
    }

    public String factHref() {
        return Pages.served().base() + "/fact/" + factId;
    }
}
