#!/usr/bin/env python3
"""Write a WARC file from HTML pages, as a crawler would capture them (Python standard library only).

Usage:
  scripts/make-warc.py OUT.warc.gz PAGE.html [PAGE.html ...] [options]
  scripts/make-warc.py OUT.warc.gz --from-dir DIR [--repeat N | --target-bytes BYTES]

Each page becomes a `request` and a `response` record (HTTP/1.1 200, text/html; charset=utf-8,
a WARC-Target-URI made from its file name) after one `warcinfo` record. With --extras the file
also holds a page that is not HTML (text/plain), a 404 page, a `revisit`, a `metadata` record, a
truncated response (WARC-Truncated: length) and a `resource` record of HTML: the records copydesk
counts and skips, or reads.

Compression (--gzip): `record` (a gzip member per record, as WARC writers do; the default for
.gz), `whole` (the file as one gzip stream) or `none` (the default without .gz).
--warc-version 1.0 writes WARC/1.0 headers (the URI in angle brackets); the default is 1.1.
--repeat N cycles the pages N times, --target-bytes B until the uncompressed records pass B bytes
(each copy gets its own URI), for the benchmark's large archives. The output is the same for the
same arguments (record ids and dates are derived from the page's number).
"""

import argparse
import gzip
import hashlib
import io
import os
import sys
import zlib


def record(version, kind, number, uri, content_type, block, extra=()):
    digest = hashlib.sha1(f"{kind}-{number}-{uri}".encode()).hexdigest()
    record_id = f"urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    seconds = number % 86400
    date = f"2024-05-{1 + number // 86400 % 28:02d}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z"
    headers = [("WARC-Type", kind), ("WARC-Record-ID", f"<{record_id}>"), ("WARC-Date", date)]
    if uri:
        headers.append(("WARC-Target-URI", f"<{uri}>" if version == "1.0" else uri))
    headers += list(extra)
    if content_type:
        headers.append(("Content-Type", content_type))
    headers.append(("Content-Length", str(len(block))))
    head = f"WARC/{version}\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_response(status, reason, content_type, body):
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1") + body


def http_request(uri):
    host = uri.split("/")[2]
    path = "/" + "/".join(uri.split("/")[3:])
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: copydesk-make-warc\r\n\r\n".encode()


def pages_records(version, pages, extras):
    info = b"software: copydesk scripts/make-warc.py\r\nformat: WARC File Format 1.1\r\n"
    yield record(version, "warcinfo", 0, None, "application/warc-fields", info)
    number = 1
    for index, (name, body) in enumerate(pages):
        uri = f"https://news.example.org/{index:06d}/{name}"
        yield record(version, "request", number, uri, "application/http; msgtype=request", http_request(uri))
        number += 1
        response = http_response(200, "OK", "text/html; charset=utf-8", body)
        yield record(version, "response", number, uri, "application/http; msgtype=response", response)
        number += 1
    if extras:
        page = pages[0][1] if pages else b"<html><body><p>page</p></body></html>"
        plain = http_response(200, "OK", "text/plain", b"User-agent: *\nDisallow:\n")
        yield record(version, "response", number, "https://news.example.org/robots.txt",
                     "application/http; msgtype=response", plain)
        missing = http_response(404, "Not Found", "text/html", b"<html><body><h1>Not found</h1></body></html>")
        yield record(version, "response", number + 1, "https://news.example.org/missing",
                     "application/http; msgtype=response", missing)
        yield record(version, "revisit", number + 2, "https://news.example.org/000000/again",
                     "application/http; msgtype=response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                     [("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")])
        yield record(version, "metadata", number + 3, "https://news.example.org/000000/meta",
                     "application/warc-fields", b"fetchTimeMs: 120\r\n")
        cut = http_response(200, "OK", "text/html", page[: len(page) // 2])
        yield record(version, "response", number + 4, "https://news.example.org/truncated",
                     "application/http; msgtype=response", cut, [("WARC-Truncated", "length")])
        yield record(version, "resource", number + 5, "https://news.example.org/resource.html",
                     "text/html; charset=utf-8", page)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--from-dir", help="every .html/.htm file under this folder, sorted")
    parser.add_argument("--gzip", choices=["record", "whole", "none"])
    parser.add_argument("--warc-version", choices=["1.0", "1.1"], default="1.1")
    parser.add_argument("--extras", action="store_true", help="add the records copydesk skips (see above)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--target-bytes", type=int, default=0)
    arguments = parser.parse_args()
    paths = list(arguments.pages)
    if arguments.from_dir:
        for root, _, files in os.walk(arguments.from_dir):
            paths += [os.path.join(root, f) for f in files if f.lower().endswith((".html", ".htm"))]
    paths = sorted(paths) if arguments.from_dir else paths
    if not paths:
        parser.error("no HTML page given")
    pages = [(os.path.basename(p), open(p, "rb").read()) for p in paths]
    compression = arguments.gzip or ("record" if arguments.output.endswith(".gz") else "none")

    def cycled():
        if arguments.target_bytes:
            total, copy = 0, 0
            while total < arguments.target_bytes:
                for name, body in pages:
                    yield (f"c{copy}-{name}", body)
                    total += len(body) + 600
                    if total >= arguments.target_bytes:
                        return
                copy += 1
        else:
            for copy in range(arguments.repeat):
                for name, body in pages:
                    yield ((f"c{copy}-" if arguments.repeat > 1 else "") + name, body)

    records = pages_records(arguments.warc_version, list(cycled()), arguments.extras)
    with open(arguments.output, "wb") as out:
        if compression == "whole":
            with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as stream:
                for data in records:
                    stream.write(data)
        elif compression == "record":
            for data in records:
                member = zlib.compressobj(6, zlib.DEFLATED, 31)
                out.write(member.compress(data) + member.flush())
        else:
            for data in records:
                out.write(data)
    print(f"make-warc: wrote {arguments.output} ({compression} compression, WARC/{arguments.warc_version}, "
          f"{len(pages)} page(s))", file=sys.stderr)


if __name__ == "__main__":
    main()
