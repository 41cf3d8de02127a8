#!/usr/bin/env bash
# Peak memory and speed at scale: writes a CSR .h5ad of N cells × G genes at density D (random counts and a random
# obs 'cell_type' of 10 types, written chunk by chunk with h5py, so files larger than RAM can be made), then runs one
# step on it under /usr/bin/time -v and prints wall time, cells/s and peak RSS:
#   annotate (default)  trains a small model on simulated cells with the same gene names, then annotates the file
#   train               trains on the file (one epoch: memory does not grow with epochs)
#   run                 the file's two halves are batches (obs 'batch': batch0, batch1); `run` trains on the first and
#                       aligns the second (one epoch each: memory does not grow with epochs)
#
#   scripts/scale-memory.sh WORKDIR CELLS [GENES] [DENSITY] [STEP]     e.g. scripts/scale-memory.sh /tmp/jmem 100000
#
# Needs Python 3 with h5py and NumPy (Debian: python3-h5py) and GNU time (/usr/bin/time). Nothing is written
# outside WORKDIR; the data are random (the predictions mean nothing), only memory and speed are measured.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=${1:?usage: $0 WORKDIR CELLS [GENES] [DENSITY] [STEP]}
cells=${2:?usage: $0 WORKDIR CELLS [GENES] [DENSITY] [STEP]}
genes=${3:-20000}
density=${4:-0.07}
step=${5:-annotate}
case "$step" in annotate|train|run) ;; *) echo "error: STEP must be annotate, train or run, not '$step'" >&2; exit 2;; esac
py=${PYTHON:-/usr/bin/python3}
mkdir -p "$work"
data="$work/cells_${cells}x${genes}_${density}.h5ad" # with obs cell_type and batch (batch0: first half, batch1: rest)
model="$work/model_${genes}.jind"

if [ "$step" = annotate ] && [ ! -f "$model" ]; then
  "$here/jind" simulate --out "$work/src_${genes}.h5ad" --cells 2000 --genes "$genes" --types 10 --batches 1 >/dev/null
  "$here/jind" train --input "$work/src_${genes}.h5ad" --out "$model" --epochs 2 --quiet >/dev/null
fi

if [ ! -f "$data" ]; then
  "$py" - "$data" "$cells" "$genes" "$density" <<'EOF'
import sys
import h5py
import numpy as np

path, cells, genes, density = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
step = 2000  # rows per block: a block's random mask is step x genes floats


def block(b):
    """Rows [b*step, ...) as a boolean mask; the same block always draws the same mask."""
    r0 = b * step
    rows = min(step, cells - r0)
    return np.random.default_rng([0, b]).random((rows, genes), dtype=np.float32) < density


blocks = (cells + step - 1) // step
per_row = np.concatenate([block(b).sum(axis=1) for b in range(blocks)]).astype(np.int64)
indptr = np.concatenate([[0], np.cumsum(per_row)])
nnz = int(indptr[-1])
values = np.random.default_rng(1)
with h5py.File(path + ".part", "w") as f:
    f.attrs["encoding-type"] = "anndata"
    f.attrs["encoding-version"] = "0.1.0"
    x = f.create_group("X")
    x.attrs["encoding-type"] = "csr_matrix"
    x.attrs["encoding-version"] = "0.1.0"
    x.attrs["shape"] = np.array([cells, genes], dtype=np.int64)
    data = x.create_dataset("data", shape=(nnz,), dtype=np.float32)
    indices = x.create_dataset("indices", shape=(nnz,), dtype=np.int32)
    x.create_dataset("indptr", data=indptr)
    for b in range(blocks):
        r0 = b * step
        r1 = min(cells, r0 + step)
        idx = np.nonzero(block(b))[1].astype(np.int32)  # row-major: each row's genes in increasing order
        indices[indptr[r0]:indptr[r1]] = idx
        data[indptr[r0]:indptr[r1]] = (1 + values.geometric(0.5, size=idx.size)).astype(np.float32)
    for name, index_name, ids in (("obs", "cell_id", [f"cell{i}" for i in range(cells)]),
                                  ("var", "gene", [f"GENE{j:05d}" for j in range(genes)])):
        g = f.create_group(name)
        g.attrs["encoding-type"] = "dataframe"
        g.attrs["encoding-version"] = "0.2.0"
        g.attrs["_index"] = index_name
        g.create_dataset(index_name, data=np.array(ids, dtype=object), dtype=h5py.string_dtype())
        if name == "obs":
            g.attrs["column-order"] = np.array(["cell_type", "batch"], dtype=object)
            types = np.random.default_rng(2).integers(0, 10, size=cells)
            g.create_dataset("cell_type", data=np.array([f"type{t}" for t in types], dtype=object),
                             dtype=h5py.string_dtype())
            g.create_dataset("batch", data=np.array([f"batch{int(2 * i >= cells)}" for i in range(cells)],
                                                    dtype=object), dtype=h5py.string_dtype())
print(f"wrote {cells} cells x {genes} genes, {nnz} non-zeros ({nnz / cells / genes:.1%})", file=sys.stderr)
EOF
  mv "$data.part" "$data"
fi

uptime
if [ "$step" = annotate ]; then
  out="$work/predictions.csv"
  /usr/bin/time -v "$here/jind" annotate --model "$model" --input "$data" --out "$out" --quiet 2>"$work/time.txt" \
    | tail -1
elif [ "$step" = train ]; then
  out="$work/trained.jind"
  /usr/bin/time -v "$here/jind" train --input "$data" --label-key cell_type --out "$out" --epochs 1 --quiet \
    2>"$work/time.txt" | tail -1
else
  out="$work/run"
  rm -rf "$out"
  /usr/bin/time -v "$here/jind" run --source "$data" --batch-key batch --source-batch batch0 --target-batch batch1 \
    --stages train,align --epochs 1 --max-epochs 1 --json --quiet --out-dir "$out" 2>"$work/time.txt" | tail -1
fi
rm -rf "$out"
wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
awk -v st="$step" -v c="$cells" -v s="$secs" -v r="$rss" -v w="$wall" \
  'BEGIN { printf "%s %d cells: wall %s, %.0f cells/s, peak RSS %.2f GiB\n", st, c, w, c / s, r / 1048576 }'
