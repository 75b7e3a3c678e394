package org.w3id.ftkg.replica;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /$/ready} answers 200 only while the replica is {@link Readiness.State#READY} (503 while it
 * starts or drains): the balancer's health check. {@code /$/live} answers 200 while the process serves
 * HTTP at all: a supervisor's check that the process is not wedged.
 */
final class HealthServlet extends HttpServlet {
    static final String READY = "/$/ready";
    static final String LIVE = "/$/live";

    private final Readiness readiness;

    HealthServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean live = LIVE.equals(req.getServletPath());
        Readiness.State state = readiness.state();
        int status = live || state == Readiness.State.READY ? 200 : 503;
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().println(live ? "live" : state.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
