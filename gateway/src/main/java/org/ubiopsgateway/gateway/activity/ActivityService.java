package org.ubiopsgateway.gateway.activity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.model.activity.AuditAction;
import org.ubiopsgateway.model.activity.AuditEvent;
import org.ubiopsgateway.model.activity.LogPage;
import org.ubiopsgateway.model.activity.Request;
import org.ubiopsgateway.model.common.Page;

import java.util.List;
import java.util.function.Function;

/**
 * Audit events, requests and logs, as pages. Offset-paged lists ask upstream for one item more than the page
 * holds: that item only tells whether a next page exists.
 */
@ApplicationScoped
public class ActivityService {

    /** The most log lines UbiOps answers in one call. */
    static final int UPSTREAM_LOG_LIMIT = 500;

    private final UbiOpsProjects projects;
    private final UbiOpsDeployments deployments;

    public ActivityService(UbiOpsProjects projects, UbiOpsDeployments deployments) {
        this.projects = projects;
        this.deployments = deployments;
    }

    public Uni<Page<AuditEvent>> projectAudit(String project, AuditAction action, int limit, int offset) {
        return page(projects.listAuditEvents(project, QueryValues.text(action), limit + 1, offset),
                ActivityMapper::auditEvent, limit, offset);
    }

    public Uni<Page<AuditEvent>> deploymentAudit(String project, String deployment, AuditAction action, int limit,
                                                 int offset) {
        return page(deployments.listDeploymentAuditEvents(project, deployment, QueryValues.text(action), limit + 1, offset),
                ActivityMapper::auditEvent, limit, offset);
    }

    public Uni<Page<Request>> requests(String project, RequestSearch s, int limit, int offset) {
        return page(projects.listRequests(project, QueryValues.text(s.objectType()), QueryValues.text(s.status()),
                        s.success(), limit + 1, offset, QueryValues.text(s.sort()), s.pipeline(), s.schedule(),
                        QueryValues.utc(s.start()), QueryValues.utc(s.end()), s.search()),
                ActivityMapper::request, limit, offset);
    }

    /**
     * Asks upstream for one line beyond the page, and one more when a cursor line is given (upstream includes
     * that line, the gateway leaves it out), within upstream's own maximum.
     */
    public Uni<LogPage> logs(String project, LogSearch search) {
        int wanted = search.limit() + 1 + (search.sinceId() == null ? 0 : 1);
        int asked = Math.min(wanted, UPSTREAM_LOG_LIMIT);
        return projects.listLogs(project, ActivityMapper.logQuery(search, asked))
                .map(found -> ActivityMapper.logPage(found, search, asked < wanted && found.size() == asked));
    }

    private static <W, T> Uni<Page<T>> page(Uni<List<W>> fetched, Function<W, T> mapper, int limit, int offset) {
        return fetched.map(items -> Page.of(items.stream().map(mapper).toList(), limit, offset));
    }
}
