"""Writes the AnnData fixtures of H5adEncodingsTest with h5py, element by element as the AnnData on-disk
specification defines them and as anndata 0.11-0.12 write them under pandas 3 (whose default string dtype makes
the obs and var index and every text column a nullable-string-array): variable-length UTF-8 strings, numpy
booleans as HDF5 booleans (an int8 enum FALSE=0/TRUE=1), encoding-type and encoding-version on every element.
jHDF, which the tests otherwise write fixtures with, can write neither variable-length strings nor booleans.

    /usr/bin/python3 make-anndata-encodings.py DIR   (Debian's python3-h5py)

nullable.h5ad    3 cells x 4 genes; obs index and var index as nullable-string-array; obs columns in every
                 encoding a data frame column can have, with missing values
zero-cells.h5ad  0 cells x 3 genes (csr_matrix X), obs with one categorical column
zero-genes.h5ad  2 cells x 0 genes (csr_matrix X)
masked-index.h5ad  2 cells x 1 gene whose obs index (a nullable-string-array) has a missing entry
"""
import os
import sys

import h5py
import numpy as np

STR = h5py.string_dtype(encoding="utf-8")


def enc(node, kind, version):
    node.attrs["encoding-type"] = kind
    node.attrs["encoding-version"] = version


def strings(g, name, values):
    d = g.create_dataset(name, data=np.array(values, dtype=object), dtype=STR)
    enc(d, "string-array", "0.2.0")
    return d


def array(g, name, values):
    d = g.create_dataset(name, data=values)
    enc(d, "array", "0.2.0")
    return d


def nullable_strings(g, name, values, na_value="NA"):
    # anndata writes missing entries as "" in values and True in mask
    n = g.create_group(name)
    enc(n, "nullable-string-array", "0.1.0")
    n.attrs["na-value"] = na_value
    n.create_dataset("values", data=np.array(["" if v is None else v for v in values], dtype=object), dtype=STR)
    n.create_dataset("mask", data=np.array([v is None for v in values], dtype=bool))
    return n


def nullable(g, name, kind, values, mask, dtype):
    n = g.create_group(name)
    enc(n, kind, "0.1.0")
    n.create_dataset("values", data=np.array(values, dtype=dtype))
    n.create_dataset("mask", data=np.array(mask, dtype=bool))


def categorical(g, name, codes, write_categories):
    c = g.create_group(name)
    enc(c, "categorical", "0.2.0")
    c.attrs["ordered"] = False
    array(c, "codes", np.array(codes, dtype=np.int8))
    write_categories(c, "categories")


def dataframe(f, name, index_name, columns):
    g = f.create_group(name)
    enc(g, "dataframe", "0.2.0")
    g.attrs["_index"] = index_name
    # h5py stores an empty list as an empty float64 array, as anndata does
    g.attrs["column-order"] = np.array(columns, dtype=object) if columns else np.array([], dtype=np.float64)
    return g


def csr(f, n_cells, n_genes, data, indices, indptr):
    x = f.create_group("X")
    enc(x, "csr_matrix", "0.1.0")
    x.attrs["shape"] = np.array([n_cells, n_genes], dtype=np.int64)
    array(x, "data", np.array(data, dtype=np.float32))
    array(x, "indices", np.array(indices, dtype=np.int32))
    array(x, "indptr", np.array(indptr, dtype=np.int32))


def anndata(path):
    f = h5py.File(path, "w")
    enc(f, "anndata", "0.1.0")
    for mapping in ("layers", "obsm", "obsp", "uns", "varm", "varp"):
        enc(f.create_group(mapping), "dict", "0.1.0")
    return f


def nullable_file(path):
    with anndata(path) as f:
        # X: 3 cells x 4 genes, [[1,0,0,2],[0,3,0,0],[0,0,4,5]]
        csr(f, 3, 4, [1, 2, 3, 4, 5], [0, 3, 1, 2, 3], [0, 2, 3, 5])
        columns = ["cell_type", "batch", "flag", "n_counts", "is_doublet", "passed_qc", "score", "donor"]
        obs = dataframe(f, "obs", "barcode", columns)
        nullable_strings(obs, "barcode", ["AAAC-1", "AAAG-1", "AACT-1"])
        nullable_strings(obs, "cell_type", ["T cell", None, "B cell"])
        # anndata 0.12 writes a categorical's string categories as a nullable-string-array too
        categorical(obs, "batch", [1, 0, -1], lambda c, k: nullable_strings(c, k, ["p1", "p2"], "NaN"))
        # a boolean categorical: pandas names its categories True and False
        categorical(obs, "flag", [1, 0, 1], lambda c, k: array(c, k, np.array([False, True])))
        nullable(obs, "n_counts", "nullable-integer", [3, 0, 9], [False, True, False], np.int64)
        nullable(obs, "is_doublet", "nullable-boolean", [False, False, True], [False, True, False], bool)
        array(obs, "passed_qc", np.array([True, False, True]))
        array(obs, "score", np.array([0.5, 1.25, -2.0]))
        strings(obs, "donor", ["d1", "d2", "d1"])
        var = dataframe(f, "var", "gene_ids", ["feature_name", "highly_variable"])
        nullable_strings(var, "gene_ids", ["ENSG01", "ENSG02", "ENSG03", "ENSG04"], "NaN")
        nullable_strings(var, "feature_name", ["CD3E", "MS4A1", None, "NKG7"])
        array(var, "highly_variable", np.array([True, False, False, True]))


def zero_cells_file(path):
    with anndata(path) as f:
        csr(f, 0, 3, [], [], [0])
        obs = dataframe(f, "obs", "_index", ["cell_type"])
        strings(obs, "_index", [])
        categorical(obs, "cell_type", [], lambda c, k: strings(c, k, []))
        var = dataframe(f, "var", "_index", [])
        strings(var, "_index", ["g1", "g2", "g3"])


def zero_genes_file(path):
    with anndata(path) as f:
        csr(f, 2, 0, [], [], [0, 0, 0])
        obs = dataframe(f, "obs", "_index", ["cell_type"])
        strings(obs, "_index", ["c1", "c2"])
        categorical(obs, "cell_type", [0, 1], lambda c, k: strings(c, k, ["T", "B"]))
        var = dataframe(f, "var", "_index", [])
        strings(var, "_index", [])


def masked_index_file(path):
    with anndata(path) as f:
        csr(f, 2, 1, [1], [0], [0, 1, 1])
        obs = dataframe(f, "obs", "_index", [])
        nullable_strings(obs, "_index", ["c1", None])
        var = dataframe(f, "var", "_index", [])
        nullable_strings(var, "_index", ["g1"])


out = sys.argv[1]
nullable_file(os.path.join(out, "nullable.h5ad"))
zero_cells_file(os.path.join(out, "zero-cells.h5ad"))
zero_genes_file(os.path.join(out, "zero-genes.h5ad"))
masked_index_file(os.path.join(out, "masked-index.h5ad"))
