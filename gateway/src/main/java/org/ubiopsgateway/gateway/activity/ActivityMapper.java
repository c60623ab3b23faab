package org.ubiopsgateway.gateway.activity;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.LogFilters;
import org.ubiopsgateway.gateway.upstream.wire.LogQuery;
import org.ubiopsgateway.gateway.upstream.wire.RequestOverview;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;
import org.ubiopsgateway.model.activity.AuditAction;
import org.ubiopsgateway.model.activity.AuditEvent;
import org.ubiopsgateway.model.activity.LogLevel;
import org.ubiopsgateway.model.activity.LogLine;
import org.ubiopsgateway.model.activity.LogPage;
import org.ubiopsgateway.model.activity.Request;
import org.ubiopsgateway.model.activity.RequestStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Upstream's audit events, requests and log lines as the public surface shows them, and log searches as upstream takes them. */
final class ActivityMapper {

    private ActivityMapper() {
    }

    static AuditEvent auditEvent(org.ubiopsgateway.gateway.upstream.wire.AuditEvent e) {
        return new AuditEvent(e.id(), Timestamp.iso(e.date()), QueryValues.known(AuditAction.class, e.action()),
                e.user(), e.event(), e.objectType(),
                e.objectName() == null || e.objectName().isEmpty() ? null : e.objectName());
    }

    static Request request(RequestOverview r) {
        return new Request(r.id(), r.deployment(), r.pipeline(), r.version(), QueryValues.known(RequestStatus.class, r.status()),
                r.success(), Timestamp.iso(r.timeCreated()), Timestamp.iso(r.timeStarted()),
                Timestamp.iso(r.timeCompleted()), r.inputSize(), r.outputSize());
    }

    static LogLine logLine(org.ubiopsgateway.gateway.upstream.wire.LogLine l) {
        return new LogLine(l.id(), Timestamp.iso(l.date()), l.log(), l.deploymentName(), l.deploymentVersion(),
                l.deploymentVersionRevisionId(), l.environmentName(), l.environmentBuildId(), l.pipelineName(),
                l.pipelineVersion(), l.pipelineObjectName(), l.deploymentRequestId(), l.pipelineRequestId(),
                l.system(), QueryValues.known(LogLevel.class, l.level()));
    }

    /** The body of projects_log_list for a search, asking for {@code count} lines. */
    static LogQuery logQuery(LogSearch s, int count) {
        LogFilters filters = new LogFilters(s.deployment(), s.version(), s.revision(), s.environment(), s.build(),
                s.pipeline(), s.pipelineVersion(), s.pipelineObject(), s.deploymentRequest(), s.pipelineRequest(),
                s.webhook(), s.system(), QueryValues.text(s.level()));
        return new LogQuery(filters, Timestamp.of(QueryValues.utc(s.since())), s.sinceId(), count, s.range());
    }

    /**
     * A page of the lines upstream found for a search: the cursor line itself left out, the rest in reading order,
     * cut to the limit. {@code maybeMore} says that upstream's answer was capped, so lines beyond it may exist.
     */
    static LogPage logPage(List<org.ubiopsgateway.gateway.upstream.wire.LogLine> found, LogSearch search,
                                 boolean maybeMore) {
        List<org.ubiopsgateway.gateway.upstream.wire.LogLine> lines = new ArrayList<>(found.stream()
                .filter(l -> search.sinceId() == null || !search.sinceId().equals(l.id()))
                .toList());
        // upstream keeps the lines nearest the starting point; the farthest one, last in reading order, is the extra
        lines.sort(Comparator.comparing(ActivityMapper::instant));
        if (search.backwards()) {
            Collections.reverse(lines);
        }
        int limit = search.limit();
        boolean more = lines.size() > limit || maybeMore;
        List<LogLine> items = lines.stream().limit(limit).map(ActivityMapper::logLine).toList();
        return new LogPage(items, limit, more && !items.isEmpty() ? items.get(items.size() - 1).id() : null);
    }

    private static Instant instant(org.ubiopsgateway.gateway.upstream.wire.LogLine line) {
        return line.date() == null ? Instant.MAX
                : line.date().parsed().map(OffsetDateTime::toInstant).orElse(Instant.MAX);
    }
}
