#!/usr/bin/env python3
"""Slow clients against copydesk-server on loopback, bounded in time: N connections that send a
request's headers a byte at a time (mode headers), or send the headers and then the body a byte at
a time (mode body). Prints how
each connection ended (the status the server answered, or that it closed the connection)."""

import socket
import sys
import time

host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
mode = sys.argv[5] if len(sys.argv) > 5 else "body"  # body: headers at once, then the body slowly
request = (
    f"POST /v1/validate HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n"
    "Content-Length: 100000\r\n\r\n"
).encode() + b"x" * 100000
sockets = []
for _ in range(count):
    s = socket.create_connection((host, port))
    s.settimeout(0.05)
    head = request.index(b"\r\n\r\n") + 4 if mode == "body" else 0
    if head:
        s.sendall(request[:head])
    sockets.append([s, head, None])
end = time.time() + seconds
while time.time() < end and any(entry[2] is None for entry in sockets):
    for entry in sockets:
        s, sent, outcome = entry
        if outcome is not None:
            continue
        try:
            if sent < len(request):
                s.send(request[sent : sent + 1])
                entry[1] += 1
            data = s.recv(4096)
            entry[2] = data.split(b"\r\n", 1)[0].decode(errors="replace") if data else "closed by the server"
        except socket.timeout:
            pass
        except OSError as error:
            entry[2] = f"closed by the server ({error.__class__.__name__})"
    time.sleep(0.5)
outcomes = {}
for s, sent, outcome in sockets:
    key = outcome or f"still open after {seconds:.0f} s"
    outcomes[key] = outcomes.get(key, 0) + 1
    s.close()
for key, value in sorted(outcomes.items()):
    print(f"slowloris: {value} connection(s): {key}")
