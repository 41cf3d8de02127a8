#!/usr/bin/env bash
# Alignment on two lanes gives the same results as on one (not part of the default tests): ./jind run on the Symphony
# PBMC batches (3pv2 -> 5p) with --align-lanes 1 and 2 for each seed; every stage's predictions must be identical
# byte for byte, and the model files equal but for their creation time and checksum.
# Usage: scripts/align-lanes-check.sh [path/to/pbmc_symphony.h5ad] [seeds, default "0 1 2"]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/data/pbmc_symphony.h5ad}"
seeds="${2:-0 1 2}"
[ -f "$data" ] || { echo "error: $data not found; give the path to pbmc_symphony.h5ad" >&2; exit 2; }
out="$(mktemp -d)"
status=0
for seed in $seeds; do
  for lanes in 1 2; do
    "$here/jind" run --source "$data" --batch-key batch --source-batch 3pv2 --target-batch 5p --seed "$seed" \
      --align-lanes "$lanes" --quiet --out-dir "$out/seed$seed-lanes$lanes" >/dev/null
  done
  for f in predictions_train.csv predictions_align.csv predictions_selftrain.csv; do
    if cmp -s "$out/seed$seed-lanes1/$f" "$out/seed$seed-lanes2/$f"; then
      echo "seed $seed: $f identical"
    else
      echo "seed $seed: $f DIFFERS"; status=1
    fi
  done
  for f in aligned.jind jindplus.jind; do
    # the header's creation time and the SHA-256 at the end (32 bytes) differ; everything else must not
    if /usr/bin/python3 - "$out/seed$seed-lanes1/$f" "$out/seed$seed-lanes2/$f" <<'PY'
import re, sys
a, b = (re.sub(rb'"created":"[^"]*"', b'', open(p, 'rb').read()) for p in sys.argv[1:])
sys.exit(0 if len(a) == len(b) and a[:-32] == b[:-32] else 1)
PY
    then
      echo "seed $seed: $f equal but for its creation time and checksum"
    else
      echo "seed $seed: $f DIFFERS"; status=1
    fi
  done
done
rm -rf "$out"
exit $status
