#!/usr/bin/env python3
"""Where a request's time goes, from a dotnet-trace sample trace converted to speedscope JSON.

  LOAD_TRACE_DIR=/tmp/traces ./build.sh bench load 10 sqlite
  ~/.dotnet/tools/dotnet-trace convert /tmp/traces/Sqlite-case.nettrace --format speedscope -o case
  python3 tests/IncidentResponse.Benchmarks/request-profile.py case.speedscope.json [top] [--callers NAME]

Counts only time whose stack is inside the request pipeline (Serilog's request logging middleware), so idle and
background threads do not dilute it. Samples are thread time (dotnet-sampled-thread-time): a thread waiting on a lock
or preempted on a busy machine counts too. Prints the frames with the most inclusive time, or with --callers NAME the
call paths leading to the first frame containing NAME.
"""
import collections
import json
import re
import sys

MARK = "RequestLoggingMiddleware.Invoke"


def short(name):
    return re.sub(r"\(.*", "", name).split("!")[-1][:110]


def samples(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and at > last:
                names = [frames[i] for i in stack]
                if any(MARK in n for n in names):
                    yield names, at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main():
    args = sys.argv[1:]
    path = args[0]
    top = int(args[1]) if len(args) > 1 and args[1].isdigit() else 60
    callers = args[args.index("--callers") + 1] if "--callers" in args else None
    inclusive, paths, total, matched = collections.Counter(), collections.Counter(), 0.0, 0.0
    for names, duration in samples(path):
        total += duration
        if callers is None:
            for name in set(names):
                inclusive[short(name)] += duration
            continue
        hits = [i for i, n in enumerate(names) if callers in n]
        if hits:
            matched += duration
            chain = [short(n) for n in names[max(0, hits[0] - 12):hits[0]] if "MoveNext" not in n and "MethodBuilder" not in n]
            paths[" < ".join(reversed(chain[-4:]))] += duration
    print(f"time inside requests: {total:.0f} ms")
    if callers is None:
        for name, duration in inclusive.most_common(top):
            print(f"{100 * duration / total:6.1f}%  {name}")
    else:
        print(f"{callers}: {matched:.0f} ms ({100 * matched / max(total, 1):.1f}%)")
        for chain, duration in paths.most_common(top):
            print(f"{100 * duration / max(matched, 1):6.1f}%  {chain}")


if __name__ == "__main__":
    main()
