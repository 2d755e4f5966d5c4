#!/usr/bin/env python3
"""Denial-of-service probe of `warehouse serve` on loopback, run by hand (issue 13, items 4 and 7).

Starts the server on a fresh storage, then, one after the other:
  idle      N idle connections from 127.0.0.2 (one client holding the file table);
  headers   N connections from 127.0.0.3 sending a request head one byte every 2 s;
  trickle   one body of 1 MB sent one byte every 2 s from 127.0.0.4.
While each runs, /health is asked from 127.0.0.1 on new connections; prints the slowest answer, how many
connections the server held or refused, and when it cut the slow ones.

Usage: bench/dos/probe.py [--connections 20000] [--binary .build/release/warehouse]
"""
import argparse, os, resource, selectors, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def connect(source, port):
    s = socket.socket()
    s.setblocking(False)
    s.bind((source, 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


def health(port):
    start = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(4096):
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:80]
    return time.time() - start


def watch(port, seconds):
    worst, end = 0.0, time.time() + seconds
    while time.time() < end:
        worst = max(worst, health(port))
        time.sleep(0.2)
    return worst


def classify(sockets, wait, seen=None):
    """Which connections the server answered 503 or 408, closed without a word, or still holds after `wait` s.
    `seen` carries what earlier calls on the same sockets saw (answers and closed ones)."""
    seen = seen if seen is not None else {"answers": {}, "closed": set()}
    answers, done = seen["answers"], seen["closed"]
    deadline = time.time() + wait
    poller = selectors.DefaultSelector()
    for s in sockets:
        if s.fileno() not in done:
            poller.register(s, selectors.EVENT_READ)
    while len(done) < len(sockets) and time.time() < deadline:
        for key, _ in poller.select(0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except (ConnectionResetError, BlockingIOError):
                data = b""
            if data:
                answers[s.fileno()] = answers.get(s.fileno(), b"") + data
                continue
            done.add(s.fileno())
            poller.unregister(s)
    poller.close()
    said = [answers.get(f, b"") for f in done]
    other = {a[:12] for a in said if a and not a.startswith((b"HTTP/1.1 503", b"HTTP/1.1 408"))}
    return {"503": sum(a.startswith(b"HTTP/1.1 503") for a in said), "408": sum(a.startswith(b"HTTP/1.1 408") for a in said),
            "silent": sum(not a for a in said), "held": len(sockets) - len(done), "other": other, "seen": seen}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--connections", type=int, default=20000)
    p.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/warehouse"))
    a = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    storage = tempfile.mkdtemp(prefix="dos-probe-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([a.binary, "serve", "--storage", storage, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                health(port)
                break
            except OSError:
                time.sleep(0.2)
        print(f"/health alone: {health(port) * 1000:.1f} ms")

        started = time.time()
        idle = [connect("127.0.0.2", port) for _ in range(a.connections)]
        opened = time.time() - started
        worst = watch(port, 3)
        r = classify(idle, 20)
        print(f"idle: {a.connections} connections from one address opened in {opened:.1f} s; /health slowest {worst * 1000:.0f} ms; "
              f"{r['503']} answered 503, {r['silent']} closed silently, {r['held']} not closed within 20 s")
        for s in idle:
            s.close()

        slow = [connect("127.0.0.3", port) for _ in range(200)]
        time.sleep(0.5)
        started = time.time()
        head = b"GET /health HTTP/1.1\r\nHost: x\r\nUser-Agent: slow\r\n"
        cut_at, seen = None, None
        for i in range(len(head)):
            for s in slow:
                try:
                    s.send(head[i:i + 1])
                except OSError:
                    pass
            r = classify(slow, 2, seen)
            seen = r["seen"]
            if r["held"] == 0:
                cut_at = time.time() - started
                break
        print(f"headers: 200 connections sending a byte every 2 s: all cut after {cut_at or -1:.1f} s, {r['408']} answered 408, "
              f"{r['silent']} closed silently {r['other'] or ''}; /health slowest {watch(port, 1) * 1000:.0f} ms")
        for s in slow:
            s.close()

        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /api/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
        started = time.time()
        try:
            while time.time() - started < 120:
                s.send(b"{")
                time.sleep(2)
        except OSError:
            pass
        print(f"trickle: a body at 1 byte every 2 s was cut after {time.time() - started:.1f} s")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
