#!/usr/bin/env bash
# Cross-check of our .h5ad writer against anndata itself (not part of the tests; needs Debian's python3-anndata and
# python3-h5py, or $JIND_PYTHON): ./jind simulate writes the same cells as .h5ad and as .csv; anndata opens the
# .h5ad (warnings are errors) and its X, obs index, var index and categorical obs columns must equal the CSV's, every
# categorical's 'ordered' an HDF5 boolean as h5py writes it, every element with its encoding attributes.
#
# Usage: scripts/anndata-crosscheck.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${JIND_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for ext in h5ad csv; do
  "$here/jind" simulate --cells 50 --genes 40 --types 3 --batches 2 --seed 7 --out "$work/sim.$ext" >/dev/null
done
"$python" -W error - "$work/sim.h5ad" "$work/sim.csv" <<'EOF'
import sys

import anndata
import h5py
import numpy as np
import pandas as pd

h5ad, csv = sys.argv[1], sys.argv[2]
print("anndata", anndata.__version__, "h5py", h5py.__version__, "pandas", pd.__version__)
a = anndata.read_h5ad(h5ad)
print(a)
table = pd.read_csv(csv, index_col=0)
genes = [c for c in table.columns if c not in ("cell_type", "batch")]
assert list(a.obs_names) == list(table.index), "obs index"
assert list(a.var_names) == genes, "var index"
x = a.X.toarray() if hasattr(a.X, "toarray") else np.asarray(a.X)
assert np.array_equal(x, table[genes].to_numpy(dtype=np.float32)), "X"
for key in ("cell_type", "batch"):
    col = a.obs[key]
    assert isinstance(col.dtype, pd.CategoricalDtype) and not col.cat.ordered, key + " categorical, unordered"
    assert list(col.astype(str)) == list(table[key].astype(str)), key + " values"
with h5py.File(h5ad, "r") as f:
    boolean = h5py.h5t.py_create(np.dtype(bool))
    for key in ("cell_type", "batch"):
        ordered = f["obs"][key].attrs.get_id("ordered")
        assert ordered.get_type().get_class() == h5py.h5t.ENUM and ordered.get_type() == boolean, key + " ordered"
    missing = []
    def check(name, node):
        if "encoding-type" not in node.attrs or "encoding-version" not in node.attrs:
            missing.append(name)
    f.visititems(check)
    assert not missing, "elements without encoding attributes: " + ", ".join(missing)
    order = f["var"].attrs["column-order"]
    assert order.shape == (0,), "var column-order"
print("OK: anndata reads what ./jind simulate wrote; X, obs, var and the categoricals equal the CSV's")
EOF
