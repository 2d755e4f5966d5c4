#!/usr/bin/env bash
# libFuzzer (swiftc -sanitize=fuzzer,address) on the server's multipart parser, as compiled into the server.
# Usage: bash bench/fuzz/run.sh [SECONDS]   (default 120). Crashes are written to bench/fuzz/crashes/;
# a crashing input becomes a named regression case in Tests/WarehouseServerTests/FuzzServerTests.swift.
# To fuzz another parser: a file like multipart_fuzz.swift (LLVMFuzzerTestOneInput calling it) compiled with
# the parser's source files, if they need only Foundation.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/warehouse-fuzz"
mkdir -p "$work/corpus" "$here/crashes"
swiftc -sanitize=fuzzer,address -parse-as-library -O "$here/multipart_fuzz.swift" \
    "$root/Sources/WarehouseServer/MultipartStream.swift" -o "$work/multipart-fuzz"
# Seeds: a browser's upload, pieces of 7 bytes (the first byte) and of 255.
printf '\x07--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\ntoken\r\n--b\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--bb\r\n--b--\r\n' > "$work/corpus/upload"
printf '\xff--b\r\nContent-Disposition: form-data; name="payload"\r\n\r\nVNQR1|x\r\n--b--\r\nepilogue' > "$work/corpus/verify"
"$work/multipart-fuzz" "$work/corpus" -max_total_time="${1:-120}" -max_len=4096 -artifact_prefix="$here/crashes/" -print_final_stats=1
