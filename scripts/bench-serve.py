#!/usr/bin/env python3
"""Time from a file edit to `qingshan serve`'s reload event (issue 8), standard library only.

    bench-serve.py QINGSHAN SITE SIZE RUNS [--warm] >> results.tsv

Starts `QINGSHAN serve` on SITE (output SITE/public, a free loopback port), waits for
its first build, subscribes to /__qingshan/events (Server-Sent Events, what open pages
listen to), then for each run edits one page (scenario serve-page) and one village row
(serve-row) and measures, in this one process, from the moment the edited file is
written to the moment the `reload` event arrives: the watcher's debounce (150 ms of
quiet), the incremental rebuild and the event. Prints TSV rows (size, scenario,
qingshan, run, seconds, peak KiB of the server) to stdout, progress to stderr.
"""
import http.client
import os
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def edit_page(path, run):
    text = open(path, encoding="utf-8").read().split("\n\n<!-- bench -->")[0].rstrip("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + f"\n\n<!-- bench -->\n\n服务编辑 {run}。\n")


def edit_row(path, run):
    lines = open(path, encoding="utf-8").read().split("\n")
    cells = lines[1].split(",")
    cells[10] = f"{200 + run * 1.5:.1f}"
    lines[1] = ",".join(cells)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def peak_kib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    qingshan, site, size, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    warm = "--warm" in sys.argv
    port = free_port()
    log = open(os.path.join(os.path.dirname(site), "serve.log"), "w")
    server = subprocess.Popen(
        [qingshan, "serve", "--root", site, "--output", os.path.join(site, "public"), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        # The first build runs before the server listens; bound the wait.
        deadline = time.monotonic() + 600
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("bench-serve: qingshan serve did not start")
                time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", "/__qingshan/events", headers={"Accept": "text/event-stream"})
        events = connection.getresponse()

        def wait_for_reload():
            while True:
                line = events.fp.readline()
                if not line:
                    sys.exit("bench-serve: the event stream closed")
                if line.strip() == b"event: reload":
                    return
                if line.strip() == b"event: error":
                    sys.exit("bench-serve: the rebuild failed (see serve.log)")

        page = os.path.join(site, "content/pages/reports/p-00005.md")
        csv = os.path.join(site, "content/data/villages.csv")
        for run in ([0] if warm else []) + list(range(1, runs + 1)):
            for scenario, edit, path in (("serve-page", edit_page, page), ("serve-row", edit_row, csv)):
                time.sleep(1)  # let the watcher settle between edits
                edit(path, run)
                started = time.monotonic()
                wait_for_reload()
                seconds = time.monotonic() - started
                label = "warm" if run == 0 else str(run)
                print(f"  {size:<6} {scenario:<11} qingshan {label:<4} {seconds:8.4f}s (edit to reload event)", file=sys.stderr)
                if run:
                    print(f"{size}\t{scenario}\tqingshan\t{run}\t{seconds:.4f}\t{peak_kib(server.pid)}", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
