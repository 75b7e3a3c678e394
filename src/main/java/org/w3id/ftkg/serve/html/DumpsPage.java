package org.w3id.ftkg.serve.html;

import java.util.List;

/** The downloads index: every file of dist/ with its size and SHA-256 ({@code built} false before the first build). */
public record DumpsPage(boolean built, List<File> files) implements Page {
    public record File(String name, long bytes, String sha256) {
        public String href() {
            return "/dumps/" + name;
        }
    }
}
