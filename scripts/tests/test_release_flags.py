"""Tests of scripts/release-flags.sh: the release build's flags, static when it can be.

`make test-scripts`, or `python3 -m unittest discover -s scripts/tests`. No Swift build: the script
only looks for archives and prints flags; one test links a small C program with them (a second).
"""

import os
import shutil
import subprocess
import tempfile
import unittest

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_SCRIPT = os.path.join(_ROOT, "scripts", "release-flags.sh")
_BASH = shutil.which("bash") or "/bin/bash"
_BASE = ("-c release --static-swift-stdlib -Xswiftc -use-ld=lld"
         " -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors")


def run(env=None):
    done = subprocess.run(
        [_BASH, _SCRIPT, "--why"], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip(), done.stderr.strip()


def archive(cc, lib):
    """The archive the C driver would link for -l`lib`, or None."""
    path = subprocess.run([cc, f"-print-file-name=lib{lib}.a"], capture_output=True, text=True).stdout.strip()
    return path if os.path.isabs(path) and os.path.isfile(path) else None


class ReleaseFlagsTests(unittest.TestCase):
    def test_static_only_when_every_archive_is_there(self):
        flags, why = run()
        self.assertTrue(flags.startswith(_BASE), flags)
        cc = shutil.which("clang") or shutil.which("cc") or shutil.which("gcc")
        words = flags.split()
        libs = [w[2:] for w in words if w.startswith("-l")]
        if "-static-pie" in words:
            self.assertIn("one static PIE", why)
            self.assertIn("--disable-local-rpath", words)
            self.assertIn("xml2", libs)
            self.assertIn("yaml", libs)
            for lib in libs:
                self.assertIsNotNone(archive(cc, lib), f"-l{lib} without lib{lib}.a")
            # Every pthread function libxml2.a refers to weakly is forced in, or libxml2 (before
            # 2.12) would run as if single-threaded.
            forced = {w.split("=", 1)[1] for w in words if w.startswith("--undefined=")}
            if shutil.which("nm"):
                listing = subprocess.run(["nm", archive(cc, "xml2")], capture_output=True, text=True).stdout
                weak = {
                    parts[1]
                    for parts in (line.split() for line in listing.splitlines())
                    if len(parts) == 2 and parts[0] == "w" and parts[1].startswith("pthread_")
                }
                self.assertLessEqual(weak, forced)
        else:
            self.assertEqual(flags, _BASE)
            self.assertIn("as shared libraries: missing", why)

    def test_forced_references_make_a_static_libxml2_thread_safe(self):
        # A small C program linked as the release binary is, asking libxml2 what the binary asks it
        # (copydesk_libxml2_thread_safe, Sources/CLibXML2/shim.h): with the forced references it
        # keeps its state per thread; without them, before libxml2 2.12, it does not.
        flags, _ = run()
        words = flags.split()
        cc = shutil.which("cc") or shutil.which("gcc")
        if "-static-pie" not in words or cc is None:
            self.skipTest("no static release link here, or no C compiler")
        cflags = subprocess.run(["pkg-config", "--cflags", "libxml-2.0"], capture_output=True, text=True).stdout.split()
        libs = [w for w in words if w.startswith("-l")] + ["-lstdc++"]
        forced = ["-Wl," + w for w in words if w.startswith("--undefined=")]
        shim = os.path.join(_ROOT, "Sources", "CLibXML2", "shim.h")
        results = {}
        with tempfile.TemporaryDirectory() as work:
            source = os.path.join(work, "probe.c")
            with open(source, "w") as file:
                file.write(f'#include "{shim}"\n#include <stdio.h>\n')
                file.write("int main(void) { printf(\"%d %d\\n\", copydesk_libxml2_thread_safe(), LIBXML_VERSION); }\n")
            for name, extra in (("forced", forced), ("plain", [])):
                binary = os.path.join(work, name)
                subprocess.run([cc, "-static-pie", *cflags, source, "-o", binary, *extra, *libs],
                               capture_output=True, check=True)
                results[name] = [int(x) for x in subprocess.run([binary], capture_output=True, text=True).stdout.split()]
        self.assertEqual(results["forced"][0], 1)
        if results["plain"][1] < 21200:
            self.assertEqual(results["plain"][0], 0, "the probe would not see a single-threaded libxml2")

    def test_falls_back_without_pkg_config(self):
        # A PATH with a C driver but no pkg-config: the static libraries cannot be listed.
        cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
        if cc is None:
            self.skipTest("no C compiler driver on PATH")
        with tempfile.TemporaryDirectory() as bin_dir:
            os.symlink(cc, os.path.join(bin_dir, "cc"))
            flags, why = run(env={"PATH": bin_dir})
        self.assertEqual(flags, _BASE)
        self.assertIn("missing pkg-config's static flags", why)


if __name__ == "__main__":
    unittest.main()
