package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/** What happened in a project: audit events, requests, logs, credit usage, and its resource counts. */
final class ProjectActivityRoutes {

    private static final String PROJECT = "/projects/:project_name";
    private static final Set<String> AUDIT_ACTIONS = Set.of("create", "update", "delete", "info");
    private static final Set<String> OBJECT_TYPES = Set.of("deployment", "pipeline");
    private static final Set<String> REQUEST_STATUSES =
            Set.of("pending", "processing", "failed", "completed", "cancelled", "cancelled_pending");
    /** Seeded facts a request is filtered on that upstream does not put in its answer. */
    private static final List<String> REQUEST_FILTER_ONLY = List.of("request_schedule", "origin_pipeline");
    private static final Set<String> LOG_STRING_FILTERS = Set.of("deployment_name", "deployment_version",
            "deployment_version_revision_id", "environment_name", "environment_build_id", "pipeline_name",
            "pipeline_version", "pipeline_object_name", "deployment_request_id", "pipeline_request_id",
            "webhook_name", "level");
    private static final Pattern LOG_ID = Pattern.compile("[0-9a-f]{24}");
    private static final int LOG_LIMIT_DEFAULT = 50;
    private static final int LOG_LIMIT_MAX = 500;
    private static final int DATE_RANGE_DEFAULT = -21600;
    private static final int DATE_RANGE_MAX = 86400;
    /** A guard against a day-by-day usage report over centuries. */
    private static final int MAX_USAGE_PERIODS = 1000;

    private ProjectActivityRoutes() {
    }

    static void mount(Api api) {
        Store store = api.store;
        api.route(GET, PROJECT + "/audit", "project_audit_events_list", 200, ctx -> audit(project(store, ctx), ctx));
        api.route(GET, PROJECT + "/requests", "project_requests_list", 200, ctx -> requests(project(store, ctx), ctx));
        api.route(POST, PROJECT + "/logs", "projects_log_list", 200, ctx -> logs(project(store, ctx), Api.optionalBody(ctx)));
        api.route(GET, PROJECT + "/usage", "projects_usage_get", 200, ctx -> usage(project(store, ctx), ctx));
        api.route(GET, PROJECT + "/resources", "projects_resource_usage", 200, ctx -> resources(project(store, ctx)));
    }

    private static Store.Project project(Store store, RoutingContext ctx) {
        return ProjectRoutes.project(store, ctx);
    }

    private static List<JsonObject> audit(Store.Project project, RoutingContext ctx) {
        String action = enumQuery(ctx, "action", AUDIT_ACTIONS);
        int limit = Api.intQuery(ctx, "limit", 50, 1);
        int offset = Api.intQuery(ctx, "offset", 0, 0);
        List<JsonObject> newestFirst = new ArrayList<>(project.audit);
        Collections.reverse(newestFirst);
        return Api.page(newestFirst.stream().filter(e -> action == null || action.equals(e.getString("action"))).toList(),
                limit, offset);
    }

    private static List<JsonObject> requests(Store.Project project, RoutingContext ctx) {
        String objectType = ctx.queryParams().get("object_type");
        if (objectType == null || objectType.isEmpty()) {
            throw ApiError.badRequest("object_type: This field is required.");
        }
        enumValue("object_type", objectType, OBJECT_TYPES);
        String status = enumQuery(ctx, "status", REQUEST_STATUSES);
        Boolean success = booleanQuery(ctx, "success");
        Boolean partOfPipeline = booleanQuery(ctx, "pipeline");
        int limit = Api.intQuery(ctx, "limit", 50, 1);
        int offset = Api.intQuery(ctx, "offset", 0, 0);
        String sort = enumQuery(ctx, "sort", Set.of("asc", "desc"));
        String schedule = ctx.queryParams().get("request_schedule");
        Instant start = dateQuery(ctx, "start_date");
        Instant end = dateQuery(ctx, "end_date");
        String searchId = ctx.queryParams().get("search_id");

        Predicate<JsonObject> matches = r -> r.getString(objectType) != null
                && (status == null || status.equals(r.getString("status")))
                && (success == null || success.equals(r.getBoolean("success")))
                && (partOfPipeline == null || partOfPipeline.equals(r.getBoolean("origin_pipeline")))
                && (schedule == null || schedule.equals(r.getString("request_schedule")))
                && (start == null || !Instant.parse(r.getString("time_created")).isBefore(start))
                && (end == null || !Instant.parse(r.getString("time_created")).isAfter(end))
                && (searchId == null || r.getString("id").contains(searchId));
        Comparator<JsonObject> byCreation = Comparator.comparing(r -> Instant.parse(r.getString("time_created")));
        List<JsonObject> found = project.requests.stream().filter(matches)
                .sorted("asc".equals(sort) ? byCreation : byCreation.reversed())
                .map(ProjectActivityRoutes::requestView)
                .toList();
        return Api.page(found, limit, offset);
    }

    private static JsonObject requestView(JsonObject stored) {
        JsonObject view = stored.copy();
        REQUEST_FILTER_ONLY.forEach(view::remove);
        return view;
    }

    private static List<JsonObject> logs(Store.Project project, JsonObject body) {
        JsonObject filters = body.getValue("filters") == null ? new JsonObject() : body.getJsonObject("filters");
        for (String key : filters.fieldNames()) {
            if (!LOG_STRING_FILTERS.contains(key) && !key.equals("system")) {
                throw ApiError.badRequest("filters: Unknown filter '" + key + "'");
            }
            if (key.equals("system")) {
                Api.optionalBoolean(filters, key);
            } else {
                Api.optionalString(filters, key);
            }
        }
        requires(filters, "deployment_version", "deployment_name");
        requires(filters, "pipeline_version", "pipeline_name");
        requires(filters, "pipeline_object_name", "pipeline_name", "pipeline_version");
        if (filters.getValue("level") != null) {
            enumValue("filters.level", filters.getString("level"), Set.of("info", "error"));
        }
        Number limitValue = Api.optionalNumber(body, "limit");
        int limit = limitValue == null ? LOG_LIMIT_DEFAULT : limitValue.intValue();
        if (limit < 1 || limit > LOG_LIMIT_MAX) {
            throw ApiError.badRequest("limit: Ensure this value is between 1 and " + LOG_LIMIT_MAX + ".");
        }
        Number rangeValue = Api.optionalNumber(body, "date_range");
        int range = rangeValue == null ? DATE_RANGE_DEFAULT : rangeValue.intValue();
        if (Math.abs(range) > DATE_RANGE_MAX) {
            throw ApiError.badRequest("date_range: Ensure this value is between -" + DATE_RANGE_MAX + " and " + DATE_RANGE_MAX + ".");
        }
        String date = Api.optionalString(body, "date");
        String id = Api.optionalString(body, "id");
        // both name a starting point; the document asks for one of them, so both at once is refused
        if (date != null && id != null) {
            throw ApiError.badRequest("Either date or id should be provided, not both.");
        }
        JsonObject anchor = null;
        if (id != null) {
            if (!LOG_ID.matcher(id).matches()) {
                throw ApiError.badRequest("id: A log id is 24 hexadecimal characters.");
            }
            anchor = project.logs.stream().filter(l -> id.equals(l.getString("id"))).findFirst()
                    .orElseThrow(() -> ApiError.notFound("Log"));
        }
        Instant from = anchor != null ? Instant.parse(anchor.getString("date"))
                : date != null ? parseDate("date", date) : Instant.now();
        Instant to = from.plusSeconds(range);
        Instant earliest = range < 0 ? to : from;
        Instant latest = range < 0 ? from : to;
        JsonObject included = anchor;

        Comparator<JsonObject> byDate = Comparator.comparing((JsonObject l) -> Instant.parse(l.getString("date")));
        // counting from the starting point: towards the past the nearest are the newest; shown oldest first
        List<JsonObject> window = project.logs.stream()
                .filter(l -> matchesFilters(l, filters))
                .filter(l -> l == included || inside(Instant.parse(l.getString("date")), earliest, latest))
                .sorted(range < 0 ? byDate.reversed() : byDate)
                .limit(limit)
                .sorted(byDate)
                .toList();
        return window;
    }

    private static boolean inside(Instant at, Instant earliest, Instant latest) {
        return !at.isBefore(earliest) && !at.isAfter(latest);
    }

    private static boolean matchesFilters(JsonObject log, JsonObject filters) {
        return filters.fieldNames().stream().allMatch(key -> filters.getValue(key) == null
                || Objects.equals(filters.getValue(key), log.getValue(key)));
    }

    private static void requires(JsonObject filters, String field, String... needed) {
        if (filters.getValue(field) != null && Stream.of(needed).anyMatch(n -> filters.getValue(n) == null)) {
            throw ApiError.badRequest("filters: " + field + " can only be given together with " + String.join(" and ", needed) + ".");
        }
    }

    /**
     * Credits per period. Usage is seeded per deployment name and month; a period gets the share of each month
     * it overlaps, so day and month intervals and any start date add up consistently. Deployments no longer in
     * the project count as deleted.
     */
    private static JsonObject usage(Store.Project project, RoutingContext ctx) {
        String interval = enumQuery(ctx, "interval", Set.of("day", "month"));
        interval = interval == null ? "month" : interval;
        Instant startQuery = dateQuery(ctx, "start_date");
        Instant endQuery = dateQuery(ctx, "end_date");
        // without dates: the current subscription period, which the emulator takes to be the calendar month
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate start = startQuery == null ? thisMonth : LocalDate.ofInstant(startQuery, ZoneOffset.UTC);
        LocalDate end = endQuery == null ? start.plusMonths(1) : LocalDate.ofInstant(endQuery, ZoneOffset.UTC);
        if (!end.isAfter(start)) {
            throw ApiError.badRequest("end_date: The end date must be after the start date.");
        }
        List<LocalDate[]> periods = new ArrayList<>();
        for (LocalDate p = start; p.isBefore(end) && periods.size() <= MAX_USAGE_PERIODS; ) {
            LocalDate next = interval.equals("day") ? p.plusDays(1) : p.plusMonths(1);
            periods.add(new LocalDate[] {p, next.isAfter(end) ? end : next});
            p = next;
        }
        if (periods.size() > MAX_USAGE_PERIODS) {
            throw ApiError.badRequest("The requested date range has too many " + interval + "s.");
        }
        Set<String> live = project.deployments.keySet();
        var deployments = new JsonArray();
        for (Store.Deployment deployment : project.deployments.values()) {
            deployments.add(new JsonObject()
                    .put("deployment_id", deployment.detail.getString("id"))
                    .put("deployment_name", deployment.name())
                    .put("data", series(project, periods, u -> u.getString("deployment_name").equals(deployment.name()))));
        }
        return new JsonObject()
                .put("interval", interval)
                .put("data_project", series(project, periods, u -> true))
                .put("data_deployments", deployments)
                // NOTES.md: the key is data_deleted_deployments (the document's prose says data_deployments_deleted)
                .put("data_deleted_deployments", series(project, periods, u -> !live.contains(u.getString("deployment_name"))));
    }

    private static JsonArray series(Store.Project project, List<LocalDate[]> periods,
                                                      Predicate<JsonObject> which) {
        var series = new JsonArray();
        for (LocalDate[] period : periods) {
            double value = project.usage.stream().filter(which).mapToDouble(u -> share(u, period)).sum();
            series.add(new JsonObject()
                    .put("start_date", period[0].atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                    .put("end_date", period[1].atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                    .put("value", Math.round(value * 100) / 100.0));
        }
        return series;
    }

    /** The part of one month's usage that falls inside a period. */
    private static double share(JsonObject monthUsage, LocalDate[] period) {
        LocalDate monthStart = LocalDate.parse(monthUsage.getString("start_date"));
        LocalDate monthEnd = monthStart.plusMonths(1);
        LocalDate from = period[0].isAfter(monthStart) ? period[0] : monthStart;
        LocalDate to = period[1].isBefore(monthEnd) ? period[1] : monthEnd;
        if (!to.isAfter(from)) {
            return 0;
        }
        return monthUsage.getDouble("value") * ChronoUnit.DAYS.between(from, to) / monthStart.lengthOfMonth();
    }

    /**
     * Deployments and versions are counted live. Pipelines are not emulated: they are counted from the pipeline
     * requests seeded; every project has UbiOps's {@code default} bucket and no custom environments.
     */
    private static JsonObject resources(Store.Project project) {
        long pipelines = project.requests.stream().map(r -> r.getString("pipeline")).filter(Objects::nonNull).distinct().count();
        long pipelineVersions = project.requests.stream().filter(r -> r.getString("pipeline") != null)
                .map(r -> r.getString("pipeline") + "/" + r.getString("version")).distinct().count();
        return new JsonObject()
                .put("deployments", project.deployments.size())
                .put("deployment_versions", project.deployments.values().stream().mapToInt(d -> d.versions.size()).sum())
                .put("pipelines", pipelines)
                .put("pipeline_versions", pipelineVersions)
                .put("buckets", 1)
                .put("environments", 0);
    }

    private static String enumQuery(RoutingContext ctx, String name, Set<String> allowed) {
        String value = ctx.queryParams().get(name);
        return value == null || value.isEmpty() ? null : enumValue(name, value, allowed);
    }

    private static String enumValue(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiError.badRequest(name + ": \"" + value + "\" is not a valid choice; expected one of "
                    + allowed.stream().sorted().toList() + ".");
        }
        return value;
    }

    private static Boolean booleanQuery(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest(name + ": Must be a valid boolean.");
        };
    }

    private static Instant dateQuery(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        // a '+' of an offset sent without percent-encoding arrives as a space
        return value == null || value.isEmpty() ? null : parseDate(name, value.replace(' ', '+'));
    }

    /** ISO-8601 with offset, without (taken as UTC), or a bare date. */
    static Instant parseDate(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + ": Date has wrong format. Use ISO 8601.");
        }
    }
}
