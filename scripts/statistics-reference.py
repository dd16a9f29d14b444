#!/usr/bin/env python3
"""Reference values for the statistics tests, from SciPy.

Reads JSON on stdin:
  {"t": [{"p": p, "df": df}, ...],
   "wilson": [{"count": k, "n": n}, ...],
   "wilcoxon": [{"differences": [d, ...], "method": "exact" or "asymptotic"}, ...]}
Writes JSON on stdout:
  {"t": [quantile, ...],                       scipy.stats.t.ppf(p, df)
   "wilson": [[low, high], ...],               binomtest(k, n).proportion_ci(0.95, method="wilson")
   "wilcoxon": [{"statistic": w, "pvalue": p, "z": z or null}, ...]}
                                               scipy.stats.wilcoxon(d, zero_method="wilcox",
                                               correction=True, alternative="two-sided", method=...)
Exits 3, naming scripts/test.sh, when python3 lacks SciPy.
"""
import json
import math
import sys
import warnings

try:
    from scipy import stats
except ImportError as error:
    sys.stderr.write(f"python3 lacks a package the statistics tests need: {error}\n")
    sys.exit(3)


def finite(value):
    value = float(value)
    return None if math.isnan(value) else value


def wilcoxon(case):
    result = stats.wilcoxon(case["differences"], zero_method="wilcox", correction=True,
                            alternative="two-sided", method=case["method"])
    z = getattr(result, "zstatistic", None)
    return {"statistic": finite(result.statistic), "pvalue": finite(result.pvalue),
            "z": None if z is None else finite(z)}


def wilson(case):
    interval = stats.binomtest(case["count"], case["n"]).proportion_ci(confidence_level=0.95, method="wilson")
    return [float(interval.low), float(interval.high)]


warnings.filterwarnings("ignore")  # SciPy warns about small samples for the normal approximation
request = json.load(sys.stdin)
json.dump({
    "t": [float(stats.t.ppf(case["p"], case["df"])) for case in request.get("t", [])],
    "wilson": [wilson(case) for case in request.get("wilson", [])],
    "wilcoxon": [wilcoxon(case) for case in request.get("wilcoxon", [])],
}, sys.stdout)
