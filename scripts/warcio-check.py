#!/usr/bin/env python3
"""warcio (PyPI) beside copydesk's WARC reader, for the tests.

  warcio-check.py write OUT.warc.gz PAGE.html [...]   write a WARC with warcio's WARCWriter: for each
                                                      page a request and a 200 text/html response
  warcio-check.py read FILE.warc[.gz]                  read a WARC with warcio's ArchiveIterator and print
                                                      one line per record: TYPE URI STATUS OFFSET

Exits 3 with a message when warcio is not installed (the tests then skip).
"""

import io
import os
import sys

try:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
except ImportError:
    print("warcio-check: warcio is not installed (pip install warcio)", file=sys.stderr)
    sys.exit(3)


def write(output, pages):
    with open(output, "wb") as out:
        writer = WARCWriter(out, gzip=output.endswith(".gz"))
        for index, path in enumerate(pages):
            body = open(path, "rb").read()
            uri = f"https://warcio.example.org/{index}/{os.path.basename(path)}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1")
            request = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "warcio.example.org")], is_http_request=True))
            writer.write_record(request)
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def read(path):
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            status = record.http_headers.get_statuscode() if record.http_headers else "-"
            uri = record.rec_headers.get_header("WARC-Target-URI") or "-"
            print(record.rec_type, uri, status, iterator.get_record_offset())


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
