"""Makes chunked-gzip.h5ad: CellChunksTest.data() as H5adWriter writes it (contiguous datasets), with X's data,
indices and indptr rewritten as h5py/anndata write compressed files: chunked (64 values per chunk) and gzip.
jHDF before 0.11 read slices of chunked datasets wrongly; CellChunksTest reads this file in chunks of cells.

    /usr/bin/python3 make-chunked-gzip.py plain.h5ad chunked-gzip.h5ad   (needs python3-h5py)
"""
import shutil
import sys

import h5py

src, out = sys.argv[1], sys.argv[2]
shutil.copyfile(src, out)
with h5py.File(out, "r+") as f:
    for name in ("data", "indices", "indptr"):
        values = f["X"][name][()]
        del f["X"][name]
        f["X"].create_dataset(name, data=values, chunks=(64,), compression="gzip")
