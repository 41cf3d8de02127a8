#!/usr/bin/env bash
# Real-data evaluation (not part of the default tests): JIND on the Symphony PBMC batches,
# source 3pv2, targets 5p and 3pv1, seeds 0 1 2, every stage; prints per-run JSON and the means.
# Usage: scripts/real-data-eval.sh [path/to/pbmc_symphony.h5ad] [extra ./jind run options…]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/data/pbmc_symphony.h5ad}"
shift || true
[ -f "$data" ] || { echo "error: $data not found; give the path to pbmc_symphony.h5ad" >&2; exit 2; }
out="$(mktemp -d)"
log="$out/runs.jsonl"
for target in 5p 3pv1; do
  for seed in 0 1 2; do
    "$here/jind" run --source "$data" --batch-key batch --label-key cell_type --source-batch 3pv2 \
      --target-batch "$target" --seed "$seed" --json --out-dir "$out/$target-$seed" "$@" \
      | sed "s/^{/{\"target\":\"$target\",\"seed\":$seed,/" | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1])]
by = collections.defaultdict(list)
for r in rows:
    by[(r["target"], r["stage"])].append(r)
print("\n3pv2 -> target  stage       raw    rej    eff    seconds  (means over seeds)")
for (t, s), rs in by.items():
    m = lambda k: sum(r[k] for r in rs) / len(rs) if all(k in r for r in rs) else float("nan")
    print(f"{t:14s}  {s:10s} {m('raw'):.3f}  {m('rej'):.3f}  {m('eff'):.3f}  {m('seconds'):7.1f}")
PY
