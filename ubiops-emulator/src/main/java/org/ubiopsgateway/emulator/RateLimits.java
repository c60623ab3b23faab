package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * UbiOps's per-minute rate limits: a budget per source IP and endpoint group, in fixed one-minute windows.
 * Off unless enabled; switchable and re-budgeted at run time from any thread. Every answer of a limited group
 * carries {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (seconds until
 * the window ends); past the budget the answer is 429.
 */
public final class RateLimits {

    /** UbiOps's endpoint groups. None of the seeded operations is in {@code user} (those are the /user endpoints). */
    public enum Group {
        REQUESTS(300), FILES(300), GENERAL(300), USER(30);

        final int defaultLimit;

        Group(int defaultLimit) {
            this.defaultLimit = defaultLimit;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Group of(String key) {
            try {
                return valueOf(key.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown rate limit group '" + key + "'");
            }
        }
    }

    static final long WINDOW_MILLIS = 60_000;
    /** Revision upload (POST …/revisions) and download (GET …/revisions/{id}/file). */
    private static final Pattern UPLOAD = Pattern.compile(".*/revisions/?");
    private static final Pattern DOWNLOAD = Pattern.compile(".*/revisions/[^/]+/file/?");
    private static final Pattern REQUESTS = Pattern.compile(".*/requests(/.*)?");

    private volatile boolean enabled;
    private final Map<Group, Integer> limits = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    RateLimits(boolean enabled) {
        this(enabled, System::currentTimeMillis);
    }

    RateLimits(boolean enabled, LongSupplier clock) {
        this.clock = clock;
        reset(enabled);
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Sets one group's budget per minute; windows already open keep counting against the new budget. */
    public void setLimit(Group group, int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("a budget is not negative");
        }
        limits.put(group, perMinute);
    }

    public int limit(Group group) {
        return limits.get(group);
    }

    /** Budgets by group key ({@code general}, …). */
    public Map<String, Integer> limits() {
        Map<Group, Integer> ordered = new EnumMap<>(limits);
        Map<String, Integer> byKey = new LinkedHashMap<>();
        ordered.forEach((group, limit) -> byKey.put(group.key(), limit));
        return byKey;
    }

    /** Back to UbiOps's budgets, enabled or not, with fresh windows. */
    public void reset(boolean enabled) {
        for (Group group : Group.values()) {
            limits.put(group, group.defaultLimit);
        }
        windows.clear();
        this.enabled = enabled;
    }

    /** The control endpoint's view: {@code {"enabled": …, "limits": {"general": 300, …}}}. */
    JsonObject toJson() {
        JsonObject limitsJson = new JsonObject();
        limits().forEach(limitsJson::put);
        return new JsonObject().put("enabled", enabled).put("limits", limitsJson);
    }

    /** Applies a control endpoint's change; absent fields stay as they are. Validates everything before changing anything. */
    void apply(JsonObject change) {
        Boolean enable = change.getBoolean("enabled");
        JsonObject budgets = change.getJsonObject("limits", new JsonObject());
        Map<Group, Integer> parsed = new EnumMap<>(Group.class);
        for (String key : budgets.fieldNames()) {
            Integer budget = budgets.getInteger(key);
            if (budget == null || budget < 0) {
                throw new IllegalArgumentException("limits." + key + " must be a non-negative integer");
            }
            parsed.put(Group.of(key), budget);
        }
        parsed.forEach(this::setLimit);
        if (enable != null) {
            setEnabled(enable);
        }
    }

    static Group classify(String method, String path) {
        if (DOWNLOAD.matcher(path).matches() || (method.equals("POST") && UPLOAD.matcher(path).matches())) {
            return Group.FILES;
        }
        return REQUESTS.matcher(path).matches() ? Group.REQUESTS : Group.GENERAL;
    }

    void handle(RoutingContext ctx) {
        if (!enabled) {
            ctx.next();
            return;
        }
        Budget budget = take(ctx.request().remoteAddress().host(),
                classify(ctx.request().method().name(), ctx.request().path()));
        ctx.response()
                .putHeader("x-ratelimit-limit", String.valueOf(budget.limit))
                .putHeader("x-ratelimit-remaining", String.valueOf(budget.remaining))
                .putHeader("x-ratelimit-reset", String.valueOf(budget.resetSeconds));
        if (budget.allowed) {
            ctx.next();
        } else {
            Api.error(ctx, 429, "Request was throttled. Expected available in " + budget.resetSeconds + " seconds.");
        }
    }

    /** Counts one call from {@code ip} in {@code group} and says whether the window's budget allowed it. */
    Budget take(String ip, Group group) {
        int limit = limits.get(group);
        long now = clock.getAsLong();
        Window window = windows.compute(ip + "|" + group.key(), (k, w) -> w == null || now >= w.start + WINDOW_MILLIS
                ? new Window(now, 1) : new Window(w.start, w.count + 1));
        long resetSeconds = Math.max(1, (window.start + WINDOW_MILLIS - now + 999) / 1000);
        return new Budget(limit, Math.max(0, limit - window.count), resetSeconds, window.count <= limit);
    }

    record Budget(int limit, int remaining, long resetSeconds, boolean allowed) {
    }

    private record Window(long start, int count) {
    }
}
