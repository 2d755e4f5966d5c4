#!/usr/bin/env bash
# Loads the sample catalogue (catalog/sample/), then files SampleScans/ into the warehouse, one `warehouse ingest`
# per dossier and component, as a desk would.
# Usage: scripts/ingest-samples.sh WAREHOUSE_BINARY STORAGE_DIR
set -euo pipefail
bin=$1
storage=$2
manifest=SampleScans/manifest.csv
[ -f "$manifest" ] || { echo "no $manifest" >&2; exit 1; }

status=0
# The sample catalogue first (catalog/sample/: procedures, their component specs, result types, agencies…): the
# desk's reuse offers follow it. A second `make run` imports it again and nothing changes.
for kind in code-lists admin-units agencies result-types procedures components; do
    for file in catalog/sample/$kind.csv catalog/sample/$kind.json; do
        [ -f "$file" ] || continue
        "$bin" catalog import "$file" --kind "$kind" --storage "$storage" || status=$?
    done
done
echo
# Group consecutive rows of the same dossier/owner/procedure/agency/component into one call.
key=""
files=()
flush() {
    [ ${#files[@]} -eq 0 ] && return 0
    IFS='|' read -r owner procedure dossier agency component <<<"$key"
    args=(ingest "${files[@]}" --owner "$owner" --procedure "$procedure" --dossier "$dossier" --agency "$agency"
          --storage "$storage" --actor make-run)
    [ -n "$component" ] && args+=(--component "$component")
    echo "== dossier $dossier, owner $owner${component:+, component \"$component\"}"
    # Exit code 2 means some file was quarantined: SampleScans has none, so anything else is worth a look.
    "$bin" "${args[@]}" || status=$?
    files=()
}
while IFS=, read -r path owner procedure dossier agency component; do
    [ "$path" = "path" ] && continue
    [ -z "$path" ] && continue
    k="$owner|$procedure|$dossier|$agency|$component"
    if [ "$k" != "$key" ]; then flush; key=$k; fi
    files+=("SampleScans/$path")
done < "$manifest"
flush
echo
"$bin" check --storage "$storage" || status=$?
exit $status
