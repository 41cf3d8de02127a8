#!/usr/bin/env bash
# Whole pipeline (train → align → self-train, each stage scored on the target), ours and the published PyTorch JIND,
# back to back on the same data; prints both wall times and their ratio. Not part of the tests.
#
# Usage: scripts/compare-reference.sh REFERENCE_DIR DATA.h5ad SOURCE_BATCH TARGET_BATCH [SEED] [THREADS]
#   REFERENCE_DIR  a checkout of github.com/mohit1997/JIND (the folder holding jind/jindlib.py), kept OUTSIDE this
#                  repository; nothing of it is copied here
#   DATA.h5ad      cells × genes with obs columns 'batch' and 'cell_type' (e.g. pbmc_symphony.h5ad, or
#                  ./jind simulate --out pair.h5ad --cells 10000 --genes 5000 --types 10 --batches 2)
#   SEED           default 0;  THREADS  default 1 for both (PyTorch's and ND4J's threads)
#   JIND_RUN_ARGS  (environment) further options for ours, e.g. JIND_RUN_ARGS='--align-lanes 2'
# The reference runs with Debian's Python (/usr/bin/python3; packages python3-torch python3-anndata python3-sklearn
# python3-pandas python3-seaborn python3-tqdm), or $JIND_REF_PYTHON. Its working files go to a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 4 ] || { sed -n 2,14p "$0" >&2; exit 2; }
ref="$(cd "$1" && pwd)"; data="$2"; source_batch="$3"; target_batch="$4"; seed="${5:-0}"; threads="${6:-1}"
[ -f "$ref/jind/jindlib.py" ] || { echo "error: $ref/jind/jindlib.py not found; give the folder of a JIND checkout" >&2; exit 2; }
[ -f "$data" ] || { echo "error: $data not found" >&2; exit 2; }
case "$ref/" in "$here"/*) echo "error: keep the reference outside this repository (it is at $ref)" >&2; exit 2;; esac
python="${JIND_REF_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

"$here/jind" --help >/dev/null 2>&1 || true # build first, outside the timing
read -r -a extra <<<"${JIND_RUN_ARGS:-}"
echo "ours: ./jind run (seed $seed, $threads thread(s)${extra[*]:+, ${extra[*]}})"
t0=$(now)
"$here/jind" run --source "$data" --batch-key batch --label-key cell_type --source-batch "$source_batch" \
  --target-batch "$target_batch" --seed "$seed" --threads "$threads" ${extra[@]+"${extra[@]}"} --json --quiet --out-dir "$work/ours"
t1=$(now)

echo "reference: $ref (seed $seed, $threads thread(s))"
t2=$(now)
OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads" PYTHONPATH="$ref" MPLBACKEND=Agg \
  "$python" - "$data" "$source_batch" "$target_batch" "$seed" "$threads" "$work/ref" <<'PY'
import sys, time, types, json
t_start = time.time()
try:
    import umap  # only the reference's plots use it
except ImportError:
    sys.modules["umap"] = types.ModuleType("umap")
import numpy as np, pandas as pd, anndata, torch
from jind import JindLib
data, src, tgt, seed, threads, path = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
torch.set_num_threads(threads)
t_read = time.time()
def read_plain(path):
    """AnnData from an .h5ad without anndata's reader: files written by ./jind simulate store the categorical
    'ordered' flag as an integer, which anndata 0.8 refuses."""
    import h5py, scipy.sparse as sp
    with h5py.File(path, "r") as f:
        text = lambda d: np.array([v.decode() if isinstance(v, bytes) else str(v) for v in d[()]], dtype=object)
        def column(g, name):
            d = g[name]
            return text(d["categories"])[d["codes"][()]] if isinstance(d, h5py.Group) else text(d)
        obs, var, x = f["obs"], f["var"], f["X"]
        if isinstance(x, h5py.Group):
            enc = x.attrs["encoding-type"]
            enc = enc.decode() if isinstance(enc, bytes) else str(np.asarray(enc).ravel()[0])
            kind = sp.csr_matrix if enc == "csr_matrix" else sp.csc_matrix
            x = kind((x["data"][()], x["indices"][()], x["indptr"][()]), shape=tuple(x.attrs["shape"]))
        else:
            x = x[()]
        frame = pd.DataFrame({k: column(obs, k) for k in ("batch", "cell_type")}, index=text(obs[obs.attrs["_index"]]))
        return anndata.AnnData(X=x, obs=frame, var=pd.DataFrame(index=text(var[var.attrs["_index"]])))
try:
    ad = anndata.read_h5ad(data)
except Exception:
    ad = read_plain(data)
def frame(batch):
    sub = ad[ad.obs["batch"].astype(str) == batch]
    x = sub.X.toarray() if hasattr(sub.X, "toarray") else np.asarray(sub.X)
    return pd.DataFrame(x, index=sub.obs_names, columns=sub.var_names), sub.obs["cell_type"].astype(str).values
train_mat, train_labels = frame(src)
test_mat, test_labels = frame(tgt)
common = sorted(set(train_mat.columns) & set(test_mat.columns))
train_mat, test_mat = train_mat[common], test_mat[common]
stages = {"read": time.time() - t_read}
def score(stage, t, test):
    pred = obj.evaluate(test_mat, test_labels, frac=0.05, name=None, test=test)
    raw = float(np.mean(pred["raw_predictions"].values == test_labels))
    kept = pred["predictions"].values != obj.num2class[obj.n_classes]
    print(json.dumps({"stage": stage, "raw": round(raw, 6), "rej": round(1 - float(np.mean(kept)), 6),
                      "eff": round(float(np.mean(pred["predictions"].values[kept] == test_labels[kept])), 6),
                      "seconds": round(time.time() - t, 3)}), flush=True)
t = time.time()
obj = JindLib(train_mat, train_labels, path=path)
mat = train_mat.values
if np.mean(np.abs(mat - np.rint(mat))) == 0:
    obj.preprocess(count_normalize=True, logt=True)
obj.dim_reduction(5000, "Var")
obj.train_classifier({"val_frac": 0.2, "seed": seed, "batch_size": 128, "cuda": False, "epochs": 15}, cmat=False)
score("train", t, False)
t = time.time()
obj.remove_effect(train_mat, test_mat, {"seed": seed, "batch_size": 128, "cuda": False, "epochs": 15,
                                        "gdecay": 1e-2, "ddecay": 1e-3, "maxcount": 7})
score("align", t, True)
t = time.time()
obj.ftune_top(test_mat, {"val_frac": 0.1, "seed": seed, "batch_size": 128, "cuda": False, "epochs": 10}, cmat=False)
score("selftrain", t, True)
print(json.dumps({"stage": "total", "seconds": round(time.time() - t_start, 3)}))
PY
t3=$(now)
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'wall time: ours {a:.1f} s, reference {b:.1f} s, ratio ours/reference {a / b:.2f}')" \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)"
