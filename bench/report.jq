# The Markdown report of a bench/run.sh result: jq -r -f bench/report.jq bench/results/RESULT.json
# (with --arg only NAME: that scenario's section alone, as run.sh prints after each scenario).

def num: if . == null then "–" else tostring end;
def verdict: if . then "met" else "**not met**" end;
def round1: . * 10 | round / 10;

def not_ok: "_\(.status)_: \(.reason)", "";

def cached:
  "## 1. Cached read: \(.route // "GET …/instance-types")", "",
  if .status != "ok" then not_ok else
    "wrk -t\(.threads) -c\(.connections), each target warmed up until its req/s is steady, then \(.rounds // 1) "
      + "round(s) in which the targets run in turn for \(.duration_s) s each; the medians of the rounds (their req/s "
      + "beside them), latency percentiles from wrk. Upstream calls: what the emulator received during the measured "
      + "runs (a working cache makes about one a minute). JIT CPU s: what a JVM target's JIT compiler threads used in "
      + "each round.", "",
    "| target | req/s | rounds' req/s | p50 ms | p99 ms | non-2xx | upstream calls | warm-up s | JIT CPU s | gateway req/s ÷ target's |",
    "|---|---:|---|---:|---:|---:|---:|---:|---|---:|",
    (.rows[] | "| \(.what) | \(.rps) | \(.rounds_rps // [.rps] | map(tostring) | join(", ")) | \(.p50_ms) | \(.p99_ms) | "
      + "\(.non_2xx) | \(.upstream_calls) | \(.warmup_s) | \(.jit_cpu_s | if type == "array" then map(tostring) | join(", ") else num end) | "
      + "\(.gateway_ratio | num) |"),
    "",
    "The gateway's `X-Cache` answer header: \(if (.gateway_x_cache // "") == "" then "none" else .gateway_x_cache end). "
      + "Target (\(.target.goal)): \(.target.met | verdict).", ""
  end;

def passthrough:
  "## 2. Pass-through: \(.route // "GET …/users/{id}")", "",
  if .status != "ok" then not_ok else
    "A read the gateway never caches, from the emulator directly, through nginx `proxy_pass` (keep-alive upstream, "
      + "no cache) and through the gateway, \(.duration_s) s each (a paced row at an upstream latency: long enough "
      + "for about 480 requests), one connection; the targets alternate within each load. Upstream calls: what the emulator received during the run; they must equal the requests (± the one in "
      + "flight when wrk stops). JIT CPU s: what the gateway's JIT compiler threads used during the row (the "
      + "warm-up ends when they use under 5 % of a core).", "",
    "| upstream latency | load | path | s | req/s | p50 ms | p90 ms | p99 ms | non-2xx | requests | upstream calls | JIT CPU s |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    (.rows[] | "| \(.upstream_latency_ms) ms | \(.mode_label) | \(.what) | \(.seconds // "–") | \(.rps) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | "
      + "\(.non_2xx) | \(.requests) | \(.upstream_calls)\(if .calls_match_requests then "" else " **≠**" end) | "
      + "\(.jit_cpu_s // "–") |"),
    "",
    "Added to the direct call (percentile minus the direct call's):", "",
    "| upstream latency | load | through | added p50 ms | added p99 ms |", "|---:|---|---|---:|---:|",
    (.added[] | "| \(.upstream_latency_ms) ms | \(.mode_label) | \(.what) | \(.p50_ms) | \(.p99_ms) |"),
    "",
    "Target (\(.target.goal)): \(.target.met | verdict).", ""
  end;

def overview_latency:
  "### \(.upstream_latency_ms) ms on every upstream call", "",
  "- Single upstream call (\(.single_upstream_call.what)): p50 \(.single_upstream_call.p50_ms) ms "
    + "(min \(.single_upstream_call.min_ms), max \(.single_upstream_call.max_ms), \(.single_upstream_call.n) samples)",
  "- One upstream call through the gateway (\(.single_through_gateway.what)): p50 \(.single_through_gateway.p50_ms) ms",
  "",
  "| deployments | cold p50 ms | cold max ms | cold ÷ single call | gap between rounds ms (median, max) | round 1 / round 2 spread ms | warm p50 ms | warm ÷ single call | all 200 and complete | X-Cache | upstream calls (cold; warm) |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
  (.sizes[] | "| \(.deployments) | \(.cold.p50_ms) | \(.cold.max_ms) | \(.cold_ratio) | \(.gap_ms | num), \(.gap_max_ms | num) | "
    + "\(.first_round_spread_ms | num) / \(.second_round_spread_ms | num) | \(.warm.p50_ms) | \(.warm_ratio) | "
    + "\(if .cold.ok and .warm.ok and .cold.complete and .warm.complete then "yes" else "**no**" end) | "
    + "\((.cold.x_cache + .warm.x_cache) | unique | join(", ") | if . == "" then "–" else . end) | "
    + "\(.cold_upstream_calls); \(.warm_upstream_calls) |"),
  "",
  "JIT compilation while measuring at this latency: gateway \(.jit_s.gateway) CPU s, emulator \(.jit_s.emulator) CPU s.",
  "",
  "Cold p50 with \(.sizes[-1].deployments) deployments ÷ with \(.sizes[0].deployments): \(.flatness). "
    + "At this latency: \(.met | verdict).", "";

def overview:
  "## 3. Overview: GET /api/v1/projects/{p}/overview", "",
  if .status != "ok" then not_ok else
    "Cold: each sample reads a project the gateway has never seen (\(.latencies[0].sizes[0].cold.n) per size); warm: "
      + "the same project again (\(.latencies[0].sizes[0].warm.n) samples). Times are curl's, whole request. The gap "
      + "between the rounds: from the emulator's answer to the deployment list to the arrival of the first versions "
      + "call (emulator journal, µs); spread: first to last arrival within a round. Upstream calls: what the "
      + "emulator received for the cold samples together (each: the project, its parts, the deployment list and one "
      + "versions call per deployment) and for the warm reads together. Before measuring, after "
      + "the warm-up without latency: \(.settled.rounds) rounds of \(.settled.overviews_per_round) cold overviews "
      + "with \(.settled.upstream_latency_ms) ms on every upstream call, until a round's JIT compilation (gateway "
      + "and emulator) took under \(.settled.jit_percent)% of its time (\(.settled.last_round_jit_s) CPU s in the last round).", "",
    (.latencies[] | overview_latency),
    "Target (\(.target.goal)): \(.target.met | verdict).", ""
  end;

def startup:
  "## 4. Start-up and memory", "",
  if .status != "ok" then not_ok else
    "Process start (`java -jar quarkus-run.jar`, prod profile, the image's JVM options) to the first 200 of `/q/health/live` "
      + "and of `GET …/instance-types` (JWT verified, one upstream call), median of the starts; CPU s: user + system time "
      + "the JVM used until then (less noisy than wall time on a busy machine). RSS after \(.load_s) s of cached reads "
      + "(wrk -t2 -c32) on the last start.", "",
    "| JVM set-up | starts | to live ms | to first API 200 ms | CPU s | Quarkus \"started in\" s | RSS after load MB | load req/s | upstream calls (starts; load) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    (.setups[] | "| \(.setup) | \(.samples | length) | \(.live_ms_median) | \(.first_api_ms_median) | \(.cpu_s_median) | "
      + "\(.quarkus_started_s_median | num) | \(.rss_after_cached_mb) | \(.load.rps) | "
      + "\(.samples | map(.upstream_calls | tostring) | join(", ")); \(.load.upstream_calls) |"),
    "", "JVM options: " + (.setups | map("\(.setup): `\(.java_opts)`") | join("; ")), "",
    (if .trivial_app_aot_first_200_ms then
      (.setups | map(select(.setup | endswith("-aot"))) | first) as $aot
      | "The yardstick of this run: the trivial Quarkus app (`bench/ceiling`) on the same JVM with the same options and an "
        + "AOT cache of its own reached its first 200 in \(.trivial_app_aot_first_200_ms) ms (median of the starts, just "
        + "before the gateway's AOT starts); the gateway's first API 200 took \($aot.first_api_ms_median / .trivial_app_aot_first_200_ms * 100 | round / 100) × that.", ""
    else empty end),
    "Target (\(.target.goal)): \(.target.met | verdict).", ""
  end;

def section($name):
  if $name == "cached" then cached elif $name == "passthrough" then passthrough
  elif $name == "overview" then overview else startup end;

def header:
  "# UbiOps Gateway benchmark, \(.date) (\(.mode))", "",
  "- Machine: \(.machine.cpu), \(.machine.cores) cores, \(.machine.ram_mb / 1024 | round1) GiB RAM; "
    + "\(.machine.os), kernel \(.machine.kernel)",
  "- Java: \(.machine.java)",
  "- Tools: \(.machine.tools | [.[] | select(. != "")] | join(", "))",
  "- Gateway: commit \(.gateway.commit)\(if .gateway.dirty then " with uncommitted changes" else "" end); JVM options: "
    + "\(if .gateway.java_opts == "" then "the JVM's defaults" else .gateway.java_opts end)",
  "- Load average (1, 5, 15 min) before the run: \(.load_average.start); after: \(.load_average.end). The run took \(.elapsed_s) s.",
  (if (.load_average.start | split(" ")[0] | tonumber) > 1
   then "- **The machine was busy when the run started: the figures are noisy, even the ratios.**" else empty end),
  (if (.gateway.logged_errors // []) != [] then
     "- The gateway logged errors during the run (count, message):", (.gateway.logged_errors[] | "  - `\(.)`")
   else empty end),
  (if .mode == "quick" then "- **Quick mode: short runs and few samples, a smoke check rather than a measurement.**"
   else empty end),
  "";

def targets:
  "## Targets", "",
  "| scenario | goal | result |", "|---|---|---|",
  (.scenarios | to_entries[]
   | "| \(.key) | \(.value.target.goal // "–") | \(if .value.status != "ok" then .value.status else (.value.target.met | verdict) end) |"),
  "";

($ARGS.named.only // null) as $only
| if $only != null then (.scenarios[$only] | section($only))
  else header, (.scenarios | to_entries[] | .key as $k | .value | section($k)), targets
  end
