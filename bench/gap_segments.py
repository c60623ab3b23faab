"""The segments of each overview's gap (bench/gap-trace.sh): perf events joined with the emulator's journal."""
import json
import re
import statistics
import sys

work = sys.argv[1]
offset = float(open(f"{work}/clock-offset").read())  # perf's monotonic clock to the journal's wall clock
loops = {tid for tid, side, name in (line.split(" ", 2) for line in open(f"{work}/threads"))
         if side == "gateway" and name.startswith("vert.x-eventloo")}

# The system calls gap-trace.sh records, by kind: an event loop on NIO waits, reads and writes with the first, on
# Netty's epoll transport with the others.
WAITED = {"sys_exit_epoll_wait", "sys_exit_epoll_pwait", "sys_exit_epoll_pwait2"}
READ = {"sys_enter_read", "sys_enter_recvfrom"}
WRITTEN = {"sys_enter_write", "sys_enter_writev", "sys_enter_sendto", "sys_enter_sendmsg"}

events = []  # (seconds, gateway loop thread, what)
for line in open(f"{work}/events"):
    m = re.match(r"\s*(\d+)\s+\[\d+\]\s+([\d.]+):\s+(\S+):\s*(.*)", line)
    if not m:
        continue
    tid, at, event, detail = m.group(1), float(m.group(2)) + offset, m.group(3), m.group(4)
    if event == "sched:sched_switch":
        to = re.search(r"next_pid=(\d+)", detail).group(1)
        if to in loops:
            events.append((at, to, "runs"))
    elif tid in loops and event != "sched:sched_wakeup":
        events.append((at, tid, event.split(":")[1]))
events.sort()

calls = [json.loads(line) for line in open(f"{work}/journal.jsonl")]
rows, skipped, upstream = {}, {}, {}
for call in calls:  # every call the emulator received for the traced overviews: no cache stands in for one
    upstream[call["deployments"]] = upstream.get(call["deployments"], 0) + 1
for project in sorted({re.match(r"/v2\.1/projects/([^/]+)", c["path"]).group(1) for c in calls}):
    own = [c for c in calls if c["path"].startswith(f"/v2.1/projects/{project}/")]
    listed = [c for c in own if c["operation"] == "deployments_list"]
    second = [c for c in own if c["operation"] == "deployment_versions_list"]
    if not listed or not second:
        continue
    size = listed[0]["deployments"]
    answered = listed[0].get("leaving_us", listed[0]["answered_us"]) / 1e6  # as bench/run.sh: lib.sh journal_rounds
    arrived = min(c["received_us"] for c in second) / 1e6
    window = [e for e in events if answered - 0.0003 <= e[0] <= arrived]
    writes = [e for e in window if e[2] in WRITTEN]
    if not writes:
        skipped[size] = skipped.get(size, 0) + 1
        continue
    written, loop = writes[0][0], writes[0][1]
    mine = [e for e in window if e[1] == loop and e[0] <= written]
    woken = [e[0] for e in mine if e[2] == "runs" or e[2] in WAITED]
    reads = [e[0] for e in mine if e[2] in READ]
    if not woken or not reads:
        skipped[size] = skipped.get(size, 0) + 1
        continue
    runs, last_read = woken[0], max(reads)
    rows.setdefault(size, []).append(((runs - answered) * 1e3, (last_read - runs) * 1e3,
                                      (written - last_read) * 1e3, (arrived - written) * 1e3,
                                      (arrived - answered) * 1e3))

print("| deployments | overviews (left out) | upstream calls | wait | reads | work | arrival | gap |")
print("|---:|---|---:|---:|---:|---:|---:|---:|")
for size in sorted(rows):
    r = rows[size]
    print(f"| {size} | {len(r)} ({skipped.get(size, 0)}) | {upstream[size]} | "
          + " | ".join(f"{statistics.median(x[i] for x in r):.2f}" for i in range(5)) + " |")
