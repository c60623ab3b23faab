"""Where a paced pass-through's time goes, from packet timestamps (bench/path-windows.sh): for every request through
a proxy, in ms, from the request's arrival to the proxy's call upstream (inbound), from there to UbiOps's answer
(upstream), and from that answer to the proxy's answer (outbound). One tcpdump capture of one target's round:
path_windows.py CAPTURE PROXY_PORT EMULATOR_PORT prints one JSON object."""
import json
import re
import statistics
import sys

capture, proxy, emulator = sys.argv[1], sys.argv[2], sys.argv[3]
# tcpdump -tt -n: "<epoch seconds> IP 127.0.0.1.<from> > 127.0.0.1.<to>: Flags [...] ... length <payload bytes>"
PACKET = re.compile(r"^(\d+\.\d+) IP6? [\d.:]+\.(\d+) > [\d.:]+\.(\d+): .* length (\d+)")

requests, open_request = [], None
for line in open(capture):
    m = PACKET.match(line)
    if not m or m.group(4) == "0":  # handshakes and bare acknowledgements carry no request or answer
        continue
    at, source, target = float(m.group(1)) * 1000, m.group(2), m.group(3)
    if target == proxy:
        open_request = {"arrived": at}
    elif open_request is None:
        continue
    elif target == emulator:
        open_request.setdefault("sent", at)
    elif source == emulator and "sent" in open_request:
        open_request.setdefault("answered", at)
    elif source == proxy and "answered" in open_request:
        open_request["left"] = at
        requests.append(open_request)
        open_request = None


def spread(values):
    values = sorted(values)
    return {"p50": round(statistics.median(values), 3), "p90": round(values[int(0.9 * (len(values) - 1))], 3)}


windows = {"inbound": [r["sent"] - r["arrived"] for r in requests],
           "upstream": [r["answered"] - r["sent"] for r in requests],
           "outbound": [r["left"] - r["answered"] for r in requests],
           "own": [r["sent"] - r["arrived"] + r["left"] - r["answered"] for r in requests]}
print(json.dumps({"requests": len(requests), **({k: spread(v) for k, v in windows.items()} if requests else {})}))
