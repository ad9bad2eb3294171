#!/usr/bin/env bash
# Prints the `swift build` flags of a release build: the Makefile's RELEASE_FLAGS and the bench
# scripts take them from here, so every release binary in .build/release is built one way.
#
# A release binary is one self-contained executable, a static PIE: the Swift runtime and
# Foundation, libxml2 (with the ICU, liblzma and zlib it links), libyaml, libstdc++ and glibc are
# linked in. It needs no shared library where it runs (a Spark executor, a container, another
# distribution), and a process starts without the dynamic loader's work: about 3 M instructions
# and 160 page faults less per process than the same binary linked against the shared libraries
# (docs/benchmarks.md). It stays position-independent, so the kernel still loads it at a random
# address.
#
# When an archive it needs is missing (a distribution without libxml2.a, libicuuc.a…), the flags
# fall back to a release build that links those libraries as shared ones, and a note says which.
#
#   scripts/release-flags.sh            # the flags, on one line
#   scripts/release-flags.sh --why      # also says on stderr which link it chose and why
set -euo pipefail

# -disable-concrete-type-metadata-mangled-name-accessors: where code needs the metadata of a
# concrete generic type (Array<Block>, Dictionary<String, JSONValue>…), the compiler calls its
# metadata accessor instead of asking the runtime to demangle the type's name. The runtime's
# lookup scans every protocol conformance record of the binary (about 4,200) the first time each
# type meets each protocol, some 200 k instructions a pair: a tenth of a short-lived process's
# work. The binary is 150 KB larger (docs/benchmarks.md).
base="-c release --static-swift-stdlib -Xswiftc -use-ld=lld"
base+=" -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors"
why=${1:-}
cc=$(command -v clang || command -v cc || command -v gcc || true)

# Libraries libxml2, libyaml and zlib need when linked statically, from pkg-config --static.
libs=()
if command -v pkg-config >/dev/null; then
  for flag in $(pkg-config --static --libs-only-l libxml-2.0 yaml-0.1 zlib 2>/dev/null); do
    lib=${flag#-l}
    [[ " ${libs[*]-} " == *" $lib "* ]] || libs+=("$lib")
  done
fi

missing=()
if [[ -z $cc ]]; then
  missing+=("a C compiler driver to locate archives")
elif [[ ${#libs[@]} -eq 0 ]]; then
  missing+=("pkg-config's static flags for libxml-2.0, yaml-0.1 and zlib")
else
  for lib in "${libs[@]}" stdc++ c; do
    path=$("$cc" -print-file-name="lib$lib.a")
    [[ $path == /* && -f $path ]] || missing+=("lib$lib.a")
  done
  path=$("$cc" -print-file-name=rcrt1.o)
  [[ $path == /* && -f $path ]] || missing+=("rcrt1.o (glibc's static-PIE start file)")
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $why == --why ]] && echo "release-flags: linking libxml2, libyaml and zlib as shared libraries: missing ${missing[*]}" >&2
  echo "$base"
  exit 0
fi

# -static-pie goes to the link through swiftc's clang driver. The driver then reports the -pie
# that swiftc also passes as unused; that expected warning is the one silenced here. SwiftPM's
# $ORIGIN run path is left out: a static PIE has no library to look for, and glibc refuses to
# start one that carries a run path. The relative relocations are packed (DT_RELR, which the
# glibc linked in applies): 10 KB of them instead of 1.2 MB that every process would read.
flags="$base --disable-local-rpath -Xswiftc -Xclang-linker -Xswiftc -static-pie"
flags+=" -Xswiftc -Xclang-linker -Xswiftc -Wno-unused-command-line-argument"
flags+=" -Xlinker -z -Xlinker pack-relative-relocs"
for lib in "${libs[@]}"; do
  flags+=" -Xlinker -l$lib"
done

# A weak reference does not pull a function out of libc.a. libxml2 before 2.12 tests its weak
# references to the pthread functions when it starts and, finding one null, keeps one global
# error state for every thread: parallel parses (--jobs) then corrupt the heap. Each pthread
# function an archive refers to weakly is made a strong reference here, so it is linked.
weak=()
if command -v nm >/dev/null; then
  for lib in "${libs[@]}"; do
    path=$("$cc" -print-file-name="lib$lib.a")
    while read -r symbol; do
      [[ " ${weak[*]-} " == *" $symbol "* ]] || weak+=("$symbol")
    done < <(nm "$path" 2>/dev/null | awk '$1 == "w" && $2 ~ /^pthread_/ { print $2 }')
  done
else
  # libxml2 2.9–2.11's list, for a machine without nm.
  weak=(pthread_once pthread_getspecific pthread_setspecific pthread_key_create pthread_key_delete
    pthread_mutex_init pthread_mutex_destroy pthread_mutex_lock pthread_mutex_unlock
    pthread_cond_init pthread_cond_destroy pthread_cond_wait pthread_cond_signal pthread_equal
    pthread_self)
fi
for symbol in "${weak[@]}"; do
  flags+=" -Xlinker --undefined=$symbol"
done
[[ $why == --why ]] && echo "release-flags: one static PIE (libxml2, libyaml, zlib, ${libs[*]} and glibc linked in)" >&2
echo "$flags"
