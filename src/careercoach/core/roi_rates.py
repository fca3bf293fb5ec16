"""The arithmetic of yearly cash flows: NPV, payback year and IRR (pure, stdlib only).

``flows[0]`` is year 1 (there is no year-0 flow). ``npv`` discounts year ``t`` by
``(1 + rate) ** t``; ``payback_year`` is the first year whose running discounted sum is
≥ 0; ``irr`` is the rate that makes the NPV zero, the one closest to 0 where there are
several, ``None`` where there is none. Split from :mod:`careercoach.core.roi`, which
builds the flows of a degree and calls these.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

# Payback: a running discounted sum counts as "reached 0" when it is within this fraction
# of the money moved so far (so rounding never moves the payback year: 3 x 100000/3).
_PAYBACK_REL_TOL = 1e-9


def _discounted(rate: float, flows: Sequence[float]) -> list[float]:
    if not rate > -1:
        raise ValueError(f"the discount rate must be more than -1 (got {rate})")
    base = 1.0 + rate
    terms: list[float] = []
    for t, flow in enumerate(flows, start=1):
        if flow == 0:
            terms.append(0.0)
            continue
        try:
            factor = base**-t  # underflows to 0 for huge rates
        except OverflowError:  # rates near -1 over many years
            factor = math.inf
        terms.append(flow * factor)
    return terms


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value: ``sum(flows[t-1] / (1 + rate) ** t)`` for ``t = 1 ..`` (fsum)."""
    return math.fsum(_discounted(rate, flows))


def npv_not_negative(rate: float, flows: Sequence[float]) -> bool:
    """Whether ``npv(rate, flows) >= 0``, where an NPV within a billionth of the money the
    flows move counts as 0 (as for the payback year): a break-even of exactly 103 stays
    103 when ``103 / 1.03 ** 2`` rounds a hair below ``100 / 1.03``."""
    terms = _discounted(rate, flows)
    return math.fsum(terms) >= -_PAYBACK_REL_TOL * math.fsum(abs(t) for t in terms)


def payback_year(rate: float, flows: Sequence[float]) -> int | None:
    """The first year ``t`` whose running sum of discounted flows is ≥ 0, else ``None``."""
    running: list[float] = []
    scale = 0.0
    for t, term in enumerate(_discounted(rate, flows), start=1):
        running.append(term)
        scale += abs(term)
        if math.fsum(running) >= -_PAYBACK_REL_TOL * scale:
            return t
    return None


def _strip_zeros(flows: Sequence[float]) -> list[float]:
    """Drop leading and trailing zero flows: they do not move the roots of the NPV."""
    values = [float(v) for v in flows]
    start = next((i for i, v in enumerate(values) if v != 0), len(values))
    end = len(values)
    while end > start and values[end - 1] == 0:
        end -= 1
    return values[start:end]


# For c = the stripped flows c_1..c_n, two bounded functions with the sign of the NPV:
#   rate >= 0, x = 1/(1+rate) in (0, 1]:  sum c_t x**(t-1)  = NPV·(1+rate)  -> c_1 as rate -> inf
#   rate <= 0, y = 1+rate     in (0, 1]:  sum c_t y**(n-t)  = NPV·y**n      -> c_n as rate -> -1
# Both equal sum(c) at rate 0, so together they cover (-1, inf) with no overflow.
def _in_x(c: Sequence[float], x: float) -> float:
    acc = 0.0
    for value in reversed(c):
        acc = acc * x + value
    return acc


def _in_y(c: Sequence[float], y: float) -> float:
    acc = 0.0
    for value in c:
        acc = acc * y + value
    return acc


def _bisect(fn: Callable[[float], float], lo: float, hi: float, f_lo: float) -> float:
    """A root of ``fn`` in ``[lo, hi]`` where ``fn(lo)`` and ``fn(hi)`` differ in sign."""
    for _ in range(2000):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        f_mid = fn(mid)
        if f_mid == 0:
            return mid
        if (f_mid < 0) == (f_lo < 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


# The scan grid, in the variables above: 0 is the open end (rate -1 or +inf), 1 is rate 0.
# Steps of 0.005 near rate 0 (in rate for negative rates, in x for positive ones: rates
# 0.5%, 1.0%, ... then coarser up to about 200 = x 0.005), plus a few points near the ends.
_GRID: tuple[float, ...] = (0.0, 1e-6, 1e-4, 1e-3, *(i / 200 for i in range(1, 201)))


def _sign_changes(c: Sequence[float]) -> int:
    signs = [v > 0 for v in c if v != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def _representable(rate: float) -> float | None:
    """``rate`` if a float holds it inside (-1, inf), else ``None``."""
    return rate + 0.0 if -1.0 < rate < math.inf else None


def irr(flows: Sequence[float]) -> float | None:
    """The internal rate of return: the rate in (-1, inf) where ``npv`` is 0.

    The one closest to 0 where there are several, ``None`` where there is none (all
    flows of one sign, or all zero). One sign change in the flows (costs, then gains)
    means exactly one root (Descartes' rule), found by bisection over the whole range;
    otherwise a grid of rates is scanned for sign changes and each bracket bisected
    (two roots closer together than the grid step can be missed; so can a root where
    the NPV touches 0 without changing sign). A root too close to -1 or too large for
    a float (flows many orders of magnitude apart) counts as none.
    """
    c = _strip_zeros(flows)
    changes = _sign_changes(c)
    if changes == 0:
        return None
    at_zero = math.fsum(c)
    if at_zero == 0:
        return 0.0

    def by_x(x: float) -> float:
        return _in_x(c, x)

    def by_y(y: float) -> float:
        return _in_y(c, y)

    def rate_of_y(y: float) -> float:
        return y - 1.0

    def rate_of_x(x: float) -> float:
        return 1.0 / x - 1.0 if x > 0 else math.inf

    if changes == 1:
        # One root: on the side of rate 0 whose far end has the other sign.
        if (c[0] < 0) != (at_zero < 0):  # x in (0, 1): a positive rate
            return _representable(rate_of_x(_bisect(by_x, 0.0, 1.0, c[0])))
        return _representable(rate_of_y(_bisect(by_y, 0.0, 1.0, c[-1])))

    sides: tuple[tuple[Callable[[float], float], Callable[[float], float]], ...] = (
        (by_y, rate_of_y),
        (by_x, rate_of_x),
    )
    roots: list[float] = []
    for fn, to_rate in sides:
        prev: tuple[float, float] | None = None
        for point in _GRID:
            value = fn(point)
            if value == 0:
                roots.append(to_rate(point))
                prev = None
                continue
            if prev is not None and (prev[1] < 0) != (value < 0):
                roots.append(to_rate(_bisect(fn, prev[0], point, prev[1])))
            prev = (point, value)
    found = [r for r in roots if _representable(r) is not None]
    return min(found, key=abs) + 0.0 if found else None
