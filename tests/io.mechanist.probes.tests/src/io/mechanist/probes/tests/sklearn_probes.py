"""Cross-validated logistic probes with scikit-learn, the reference of ScikitLearnAgreementTest.

Usage: sklearn_probes.py SPEC OUT. SPEC has a header line "lambda d" and one line per cell:
"name rows_file n folds_csv labels_csv control1_csv ..." (labels 0/1, one control label set per permutation).
rows_file holds n x d little-endian float32 activations. For every cell and label set, each fold's probe is
fitted on the other folds: features standardised with the training rows' mean and population sd, then
LogisticRegression with C = 1 / (lambda * n_train) (the objective mean log-loss + lambda/2 |w|^2 on standardised
features, intercept not penalised). OUT gets "name correct control1_correct ..." per cell.
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def correct_count(x, y, folds, lam):
    correct = 0
    for f in np.unique(folds):
        train = folds != f
        scaler = StandardScaler().fit(x[train])
        model = LogisticRegression(C=1.0 / (lam * train.sum()), tol=1e-10, max_iter=100000)
        model.fit(scaler.transform(x[train]), y[train])
        correct += int((model.predict(scaler.transform(x[~train])) == y[~train]).sum())
    return correct


def main(spec_path, out_path):
    with open(spec_path) as spec:
        lam, d = spec.readline().split()
        lam, d = float(lam), int(d)
        lines = [line.split() for line in spec if line.strip()]
    with open(out_path, "w") as out:
        for name, rows_file, n, folds, *label_sets in lines:
            x = np.fromfile(rows_file, dtype="<f4").reshape(int(n), d).astype(np.float64)
            folds = np.array([int(v) for v in folds.split(",")])
            counts = [correct_count(x, np.array([int(v) for v in labels.split(",")]), folds, lam)
                      for labels in label_sets]
            out.write(name + " " + " ".join(str(c) for c in counts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
