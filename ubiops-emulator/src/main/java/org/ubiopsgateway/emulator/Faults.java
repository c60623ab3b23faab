package org.ubiopsgateway.emulator;

import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Latency and fault injection, changeable at run time from any thread. Every rule matching a call applies:
 * their delays add up, then the first rule whose dice say so drops the connection or answers its error; otherwise
 * the call goes on to the API at once. The delay holds back only the answer, or the drop ({@link Api#answer}).
 */
public final class Faults {

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private final Outbox outbox = new Outbox();
    private final Supplier<RandomGenerator> random;

    public Faults() {
        this(ThreadLocalRandom::current);
    }

    /** With a given random source, for repeatable runs. */
    Faults(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    public void add(FaultRule rule) {
        rules.add(new Active(rule, Pattern.compile(rule.pathPattern()),
                rule.times() == null ? null : new AtomicInteger(rule.times())));
    }

    /** The rules in force, {@code times} showing how many applications each has left. */
    public List<FaultRule> rules() {
        return rules.stream().filter(a -> !a.exhausted()).map(Active::current).toList();
    }

    public void clear() {
        rules.clear();
    }

    void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        RandomGenerator dice = random.get();
        long delay = 0;
        Runnable outcome = ctx::next;
        boolean decided = false;
        for (Active active : rules) {
            FaultRule rule = active.rule;
            if ((rule.method() != null && !rule.method().equals(method)) || !active.path.matcher(path).matches()
                    || !active.claim()) {
                continue;
            }
            delay += rule.minLatencyMs() + (rule.maxLatencyMs() > rule.minLatencyMs()
                    ? dice.nextLong(rule.maxLatencyMs() - rule.minLatencyMs() + 1) : 0);
            if (decided) {
                continue;
            }
            if (rule.dropRate() > 0 && dice.nextDouble() < rule.dropRate()) {
                outcome = () -> Api.answer(ctx, () -> {
                    Journal.Call call = ctx.get(Journal.CALL);
                    call.answered(ctx.get(Api.OPERATION), 0); // before the caller can see the close
                    ctx.request().connection().close();
                });
                decided = true;
            } else if (rule.errorRate() > 0 && dice.nextDouble() < rule.errorRate()) {
                int status = rule.errorStatus();
                outcome = () -> Api.error(ctx, status, "Injected fault");
                decided = true;
            }
        }
        rules.removeIf(Active::exhausted);
        if (delay > 0) {
            ctx.put(Api.DUE, new Api.Due(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), outbox));
        }
        outcome.run();
    }

    private record Active(FaultRule rule, Pattern path, AtomicInteger remaining) {

        /** Counts one application; false once the rule has none left. */
        boolean claim() {
            return remaining == null || remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }

        boolean exhausted() {
            return remaining != null && remaining.get() == 0;
        }

        FaultRule current() {
            // at least 1: a rule used up by another thread since the filter is shown with its last application
            return remaining == null ? rule : rule.withTimes(Math.max(1, remaining.get()));
        }
    }
}
