#!/usr/bin/env python3
"""Reference values for the agreement tests, from independent implementations.

Reads JSON on stdin: {"cases": [{"rows": [[value or null, ...], ...]}, ...]}, each case a
coders x units matrix of integers with null for a missing value. Writes JSON on stdout:
{"results": [{"alpha": a, "kappa": k}, ...]} where alpha is Krippendorff's nominal alpha from the
`krippendorff` package (PyPI) and kappa is scikit-learn's cohen_kappa_score over the units both
coders valued (null unless the case has exactly two coders); null where a package finds the
measure undefined (nan, or krippendorff's error for data with a single value).
Exits 3, naming scripts/test.sh, when python3 lacks the packages.
"""
import json
import warnings
import math
import sys

try:
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score
except ImportError as error:
    sys.stderr.write(f"python3 lacks a package the agreement tests need: {error}\n")
    sys.exit(3)


def finite(value):
    value = float(value)
    return None if math.isnan(value) else value


def measure(rows):
    data = np.array([[np.nan if v is None else float(v) for v in row] for row in rows])
    try:
        alpha = finite(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except ValueError:
        # The package refuses data with a single value ("more than one value in the domain"):
        # alpha is undefined there.
        alpha = None
    kappa = None
    if len(rows) == 2:
        pairs = [(a, b) for a, b in zip(rows[0], rows[1]) if a is not None and b is not None]
        kappa = finite(cohen_kappa_score([a for a, _ in pairs], [b for _, b in pairs]))
    return {"alpha": alpha, "kappa": kappa}


warnings.filterwarnings("ignore")  # sklearn warns where kappa is undefined; null says it
request = json.load(sys.stdin)
json.dump({"results": [measure(case["rows"]) for case in request["cases"]]}, sys.stdout)
