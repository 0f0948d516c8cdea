"""Bit-exact float built-ins for domaingen (pure Python port of fdlibm).

The domaingen language (LANGUAGE.md section 5) requires ``sqrt pow exp ln
log10 sin cos tan atan2`` to give bit-identical results in every target.
Platform math libraries differ in the last bit (CPython calls the C libm, Go,
Rust and JavaScript have their own), so every domaingen runtime carries its own
port of one algorithm: FreeBSD msun / Sun fdlibm, exactly as ported in the
Rust ``libm`` crate version 0.2.16 (https://crates.io/crates/libm/0.2.16, MIT
licence; the fdlibm code is (C) 1993-2004 Sun Microsystems, freely
redistributable).  That crate is the test oracle
(tests/runtime/oracles/libm_oracle); the Go, Rust and TypeScript runtimes
(templates/*/runtime/dgmath.*) are ports of the same code.

Ported files of libm 0.2.16 (src/math/):

* ``pow``   -- pow.rs (FreeBSD e_pow.c)
* ``exp``   -- exp.rs (FreeBSD e_exp.c), with scalbn from generic/scalbn.rs
* ``ln``    -- log.rs (FreeBSD e_log.c)
* ``log10`` -- log10.rs (FreeBSD e_log10.c)
* ``sin`` / ``cos`` / ``tan`` -- sin.rs, cos.rs, tan.rs (s_sin.c, s_cos.c,
  s_tan.c) with the kernels k_sin.rs, k_cos.rs, k_tan.rs (k_sin.c, k_cos.c,
  k_tan.c) and the argument reduction rem_pio2.rs (e_rem_pio2.c) and
  rem_pio2_large.rs (k_rem_pio2.c, double precision only)
* ``atan2`` -- atan2.rs and atan.rs (e_atan2.c, s_atan.c)
* ``sqrt``  -- IEEE-754 square root is correctly rounded everywhere, so the
  native ``math.sqrt`` is used (with NaN instead of ``ValueError``).

Python floats are IEEE-754 binary64 with round-to-nearest-even and CPython
never contracts ``a * b + c`` into a fused multiply-add, so a faithful port is
bit-exact.  The port keeps every floating-point expression of the original in
the same order; only bit manipulations are rewritten where an exactly
equivalent float operation is cheaper in Python (comparisons of |x| against a
double instead of comparisons of its high word, ``math.frexp`` / ``math.ldexp``
for exact scaling by powers of two).  Python raises on float division by zero
where C returns an infinity or NaN, so those few cases return the IEEE result
explicitly.

Functions return the raw IEEE result: inf and NaN are possible and the caller
checks finiteness.  NaN results carry no meaning beyond being NaN.

This module is standalone (standard library only) because it is copied
verbatim into generated Python packages.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

__all__ = ["sqrt", "pow", "exp", "ln", "log10", "sin", "cos", "tan", "atan2"]

_D = struct.Struct("<d")
_II = struct.Struct("<II")
_DD = struct.Struct("<dd")
_IIII = struct.Struct("<IIII")
_pack_d: Callable[[float], bytes] = _D.pack
_unpack_d: Callable[[bytes], tuple[float]] = _D.unpack
_pack_II: Callable[[int, int], bytes] = _II.pack
_unpack_II: Callable[[bytes], tuple[int, int]] = _II.unpack
_pack_dd: Callable[[float, float], bytes] = _DD.pack
_unpack_IIII: Callable[[bytes], tuple[int, int, int, int]] = _IIII.unpack
_frexp = math.frexp
_ldexp = math.ldexp
_floor = math.floor
_sqrt = math.sqrt

_INF = math.inf
_NAN = math.nan


def _hi(h: int) -> float:
    """The double whose high word is ``h`` and whose low word is 0."""
    return _unpack_d(_pack_II(0, h))[0]


def _zero_lo(x: float) -> float:
    """``x`` with the low 32 bits of its representation cleared."""
    return _unpack_d(_pack_II(0, _unpack_II(_pack_d(x))[1]))[0]


# Powers of two used by scalbn (all exact, normal doubles).
_X1P1023 = 2.0**1023
_X1P_1022 = 2.0**-1022
_X1P53 = 2.0**53
_X1P_969 = _X1P_1022 * _X1P53  # libm's "mul" for scaling towards zero


def _scalbn(x: float, n: int) -> float:
    """x * 2**n rounded once (libm generic/scalbn.rs, musl scalbn.c).

    When the result is normal it is exact and ``math.ldexp`` gives it; towards
    the subnormal range this follows libm's multiplications exactly so the one
    rounding happens in the last multiplication, independent of the C ldexp.
    """
    if -1022 <= n <= 1023:
        y = x * _ldexp(1.0, n)
        return y
    if n > 1023:
        x *= _X1P1023
        n -= 1023
        if n > 1023:
            x *= _X1P1023
            n -= 1023
            if n > 1023:
                n = 1023
    else:
        x *= _X1P_969
        n += 969
        if n < -1022:
            x *= _X1P_969
            n += 969
            if n < -1022:
                n = -1022
    return x * _ldexp(1.0, n)


def sqrt(x: float) -> float:
    """Correctly rounded square root (NaN for x < 0)."""
    if x < 0.0:
        return _NAN
    return _sqrt(x)


# --------------------------------------------------------------------------
# pow  (libm pow.rs, FreeBSD e_pow.c)
# --------------------------------------------------------------------------

_DP_H1 = 5.84962487220764160156e-01  # 0x3fe2b803_40000000
_DP_L1 = 1.35003920212974897128e-08  # 0x3E4CFDEB, 0x43CFD006
_TWO53 = 9007199254740992.0
_HUGE = 1.0e300
_TINY = 1.0e-300
_PL1 = 5.99999999999994648725e-01
_PL2 = 4.28571428578550184252e-01
_PL3 = 3.33333329818377432918e-01
_PL4 = 2.72728123808534006489e-01
_PL5 = 2.30660745775561754067e-01
_PL6 = 2.06975017800338417784e-01
_P1 = 1.66666666666666019037e-01
_P2 = -2.77777777770155933842e-03
_P3 = 6.61375632143793436117e-05
_P4 = -1.65339022054652515390e-06
_P5 = 4.13813679705723846039e-08
_LG2 = 6.93147180559945286227e-01
_LG2_H = 6.93147182464599609375e-01
_LG2_L = -1.90465429995776804525e-09
_OVT = 8.0085662595372944372e-017
_CP = 9.61796693925975554329e-01
_CP_H = 9.61796700954437255859e-01
_CP_L = -7.02846165095275826516e-09
_IVLN2 = 1.44269504088896338700e00
_IVLN2_H = 1.44269502162933349609e00
_IVLN2_L = 1.92596299112661746887e-08
_X1P_19 = 2.0**-19
_X1P_20 = 2.0**-20
_OVERFLOW = _HUGE * _HUGE  # inf
_UNDERFLOW = _TINY * _TINY  # +0.0


def pow(x: float, y: float) -> float:  # noqa: A001 - the built-in's name
    """x raised to the power y (fdlibm e_pow.c)."""
    lx, hx, ly, hy = _unpack_IIII(_pack_dd(x, y))
    ix = hx & 0x7FFFFFFF
    iy = hy & 0x7FFFFFFF
    x_neg = hx >= 0x80000000
    y_neg = hy >= 0x80000000

    # y == +-0: x**0 = 1, even if x is NaN
    if iy == 0 and ly == 0:
        return 1.0
    # 1**y = 1, even if y is NaN
    if hx == 0x3FF00000 and lx == 0:
        return 1.0
    # NaN if either argument is NaN
    if ix > 0x7FF00000 or (ix == 0x7FF00000 and lx != 0) or iy > 0x7FF00000 or (iy == 0x7FF00000 and ly != 0):
        return x + y

    # yisint: 0 = y not an integer, 1 = odd integer, 2 = even integer
    yisint = 0
    if x_neg:
        if iy >= 0x43400000:
            yisint = 2
        elif iy >= 0x3FF00000:
            k = (iy >> 20) - 0x3FF
            if k > 20:
                sh = 52 - k
                j = ly >> sh
                if (j << sh) == ly:
                    yisint = 2 - (j & 1)
            elif ly == 0:
                sh = 20 - k
                j = iy >> sh
                if (j << sh) == iy:
                    yisint = 2 - (j & 1)

    # special values of y
    if ly == 0:
        if iy == 0x7FF00000:  # y is +-inf
            if ix == 0x3FF00000 and lx == 0:
                return 1.0  # (-1)**+-inf is 1
            if ix >= 0x3FF00000:  # (|x|>1)**+-inf = inf, 0
                return 0.0 if y_neg else y
            return -y if y_neg else 0.0  # (|x|<1)**+-inf = 0, inf
        if iy == 0x3FF00000:  # y is +-1
            if not y_neg:
                return x
            if x == 0.0:
                return -_INF if x_neg else _INF
            return 1.0 / x
        if hy == 0x40000000:  # y is 2
            return x * x
        if hy == 0x3FE00000 and not x_neg:  # y is 0.5, x >= +0
            return _sqrt(x)

    ax = abs(x)
    # special values of x: +-0, +-inf, +-1
    if lx == 0 and (ix == 0x7FF00000 or ix == 0 or ix == 0x3FF00000):
        z = ax
        if y_neg:
            z = _INF if z == 0.0 else 1.0 / z
        if x_neg:
            if ix == 0x3FF00000 and yisint == 0:
                return _NAN  # (-1)**non-int is NaN
            if yisint == 1:
                z = -z  # (x<0)**odd = -(|x|**odd)
        return z

    s = 1.0  # sign of the result
    if x_neg:
        if yisint == 0:
            return _NAN  # (x<0)**(non-int) is NaN
        if yisint == 1:
            s = -1.0

    if iy > 0x41E00000:  # |y| > 2**31
        if iy > 0x43F00000:  # |y| > 2**64, must over/underflow
            if ix <= 0x3FEFFFFF:
                return _OVERFLOW if y_neg else _UNDERFLOW
            if ix >= 0x3FF00000:
                return _OVERFLOW if not y_neg else _UNDERFLOW
        # over/underflow if x is not close to one
        if ix < 0x3FEFFFFF:
            return s * _HUGE * _HUGE if y_neg else s * _TINY * _TINY
        if ix > 0x3FF00000:
            return s * _HUGE * _HUGE if not y_neg else s * _TINY * _TINY
        # now |1-x| is tiny <= 2**-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
        t = ax - 1.0
        w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25))
        u = _IVLN2_H * t
        v = t * _IVLN2_L - w * _IVLN2
        t1 = _unpack_d(_pack_II(0, _unpack_II(_pack_d(u + v))[1]))[0]
        t2 = v - (t1 - u)
    else:
        if ix < 0x00100000:  # subnormal x
            n = -53
            ix = _unpack_II(_pack_d(ax * _TWO53))[1]
        else:
            n = 0
        n += (ix >> 20) - 0x3FF
        j = ix & 0x000FFFFF
        # determine the interval; t_h is ax + bp[k] with its low word cleared,
        # built from the same bits as fdlibm's high word
        # ((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18).
        if j <= 0x3988E:  # |x| < sqrt(3/2)
            bp = 1.0
            t_h = 2.0 + (j >> 1) * _X1P_19
            dp_h = 0.0
            dp_l = 0.0
        elif j < 0xBB67A:  # |x| < sqrt(3)
            bp = 1.5
            t_h = 2.5 + (j >> 1) * _X1P_19
            dp_h = _DP_H1
            dp_l = _DP_L1
        else:
            n += 1
            bp = 1.0
            t_h = 1.5 + (j >> 1) * _X1P_20
            dp_h = 0.0
            dp_l = 0.0
        ax = _ldexp(ax, -n)  # exact: replaces the exponent, keeps the significand

        # ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
        u = ax - bp
        v = 1.0 / (ax + bp)
        ss = u * v
        s_h = _unpack_d(_pack_II(0, _unpack_II(_pack_d(ss))[1]))[0]
        t_l = ax - (t_h - bp)
        s_l = v * ((u - s_h * t_h) - s_h * t_l)
        # log(ax)
        s2 = ss * ss
        r = s2 * s2 * (_PL1 + s2 * (_PL2 + s2 * (_PL3 + s2 * (_PL4 + s2 * (_PL5 + s2 * _PL6)))))
        r += s_l * (s_h + ss)
        s2 = s_h * s_h
        t_h = _unpack_d(_pack_II(0, _unpack_II(_pack_d(3.0 + s2 + r))[1]))[0]
        t_l = r - ((t_h - 3.0) - s2)
        # u + v = ss * (1 + ...)
        u = s_h * t_h
        v = s_l * t_h + t_l * ss
        # 2/(3log2) * (ss + ...)
        p_h = _unpack_d(_pack_II(0, _unpack_II(_pack_d(u + v))[1]))[0]
        p_l = v - (p_h - u)
        z_h = _CP_H * p_h
        z_l = _CP_L * p_h + p_l * _CP + dp_l
        # log2(ax) = (ss + ..) * 2/(3*log2) = n + dp_h + z_h + z_l
        t = float(n)
        t1 = _unpack_d(_pack_II(0, _unpack_II(_pack_d(((z_h + z_l) + dp_h) + t))[1]))[0]
        t2 = z_l - (((t1 - t) - dp_h) - z_h)

    # split y into y1 + y2 and compute (y1 + y2) * (t1 + t2)
    y1 = _unpack_d(_pack_II(0, hy))[0]
    p_l = (y - y1) * t1 + y * t2
    p_h = y1 * t1
    z = p_l + p_h
    lz, j = _unpack_II(_pack_d(z))
    if 0x40900000 <= j < 0x80000000:  # z >= 1024
        if j != 0x40900000 or lz != 0:  # z > 1024
            return s * _HUGE * _HUGE
        if p_l + _OVT > z - p_h:
            return s * _HUGE * _HUGE
    elif (j & 0x7FFFFFFF) >= 0x4090CC00:  # z <= -1075
        if j != 0xC090CC00 or lz != 0:  # z < -1075
            return s * _TINY * _TINY
        if p_l <= z - p_h:
            return s * _TINY * _TINY

    # 2**(p_h + p_l)
    i = j & 0x7FFFFFFF
    n = 0
    if i > 0x3FE00000:  # |z| > 0.5: n = [z + 0.5]
        k = (i >> 20) - 0x3FF
        js = j - 0x100000000 if j >= 0x80000000 else j
        n = js + (0x00100000 >> (k + 1))
        k = ((n & 0x7FFFFFFF) >> 20) - 0x3FF  # new k for n
        t = _unpack_d(_pack_II(0, (n & ~(0x000FFFFF >> k)) & 0xFFFFFFFF))[0]
        n = ((n & 0x000FFFFF) | 0x00100000) >> (20 - k)
        if js < 0:
            n = -n
        p_h -= t
    t = _unpack_d(_pack_II(0, _unpack_II(_pack_d(p_l + p_h))[1]))[0]
    u = t * _LG2_H
    v = (p_l - (t - p_h)) * _LG2 + t * _LG2_L
    z = u + v
    w = v - (z - u)
    t = z * z
    t1 = z - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    r = (z * t1) / (t1 - 2.0) - (w + z * w)
    z = 1.0 - (r - z)
    # fdlibm adds n to the exponent field, or calls scalbn for a subnormal
    # result; both are z * 2**n rounded once.
    if n >= -1021:
        z = _ldexp(z, n)  # exact: the result is normal
    else:
        z = _scalbn(z, n)
    return s * z


# --------------------------------------------------------------------------
# exp  (libm exp.rs, FreeBSD e_exp.c)
# --------------------------------------------------------------------------

_LN2HI = 6.93147180369123816490e-01
_LN2LO = 1.90821492927058770002e-10
_INVLN2 = 1.44269504088896338700e00
# thresholds on the high word of |x|, as doubles
_EXP_BIG = _hi(0x4086232B)  # |x| >= 708.39...
_EXP_HALFLN2 = _hi(0x3FD62E43)  # hx > 0x3fd62e42: |x| > 0.5 ln2
_EXP_3HALFLN2 = _hi(0x3FF0A2B2)  # hx >= 0x3ff0a2b2: |x| >= 1.5 ln2
_EXP_TINY = _hi(0x3E300001)  # hx > 0x3e300000: |x| > 2**-28


def exp(x: float) -> float:
    """e raised to the power x (fdlibm e_exp.c)."""
    ax = abs(x)
    if ax >= _EXP_BIG:
        if x > 709.782712893383973096:
            return _INF  # overflow (x * 2**1023)
        if x < -745.13321910194110842:
            return 0.0  # underflow
    elif x != x:
        return x
    # argument reduction
    if ax >= _EXP_HALFLN2:
        if ax >= _EXP_3HALFLN2:
            k = int(_INVLN2 * x + (-0.5 if x < 0.0 else 0.5))
        else:
            k = -1 if x < 0.0 else 1
        hi = x - k * _LN2HI  # k*ln2hi is exact here
        lo = k * _LN2LO
        x = hi - lo
    elif ax >= _EXP_TINY:
        k = 0
        hi = x
        lo = 0.0
    else:
        return 1.0 + x
    # x is now in primary range
    xx = x * x
    c = x - xx * (_P1 + xx * (_P2 + xx * (_P3 + xx * (_P4 + xx * _P5))))
    y = 1.0 + (x * c / (2.0 - c) - lo + hi)
    if k == 0:
        return y
    return _scalbn(y, k)


# --------------------------------------------------------------------------
# ln, log10  (libm log.rs, log10.rs; FreeBSD e_log.c, e_log10.c)
# --------------------------------------------------------------------------

_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_LG1 = 6.666666666666735130e-01
_LG2_ = 3.999999999940941908e-01
_LG3 = 2.857142874366239149e-01
_LG4 = 2.222219843214978396e-01
_LG5 = 1.818357216161805012e-01
_LG6 = 1.531383769920937332e-01
_LG7 = 1.479819860511658591e-01
_IVLN10HI = 4.34294481878168880939e-01
_IVLN10LO = 2.50829467116452752298e-11
_LOG10_2HI = 3.01029995663611771306e-01
_LOG10_2LO = 3.69423907715893078616e-13
# frexp mantissa below this (high word 0x3fe6a09e) means fdlibm's
# "reduce x into [sqrt(2)/2, sqrt(2)]" step does not carry into the exponent.
_SQRT_HALF_HI = _hi(0x3FE6A09E)


def _log_reduce(x: float) -> tuple[float, int]:
    """fdlibm's reduction of a positive finite x to 1+f in [sqrt(2)/2, sqrt(2))
    times 2**k (including the 2**54 scaling of subnormals); exact."""
    m, e = _frexp(x)
    if m < _SQRT_HALF_HI:
        return m + m, e - 1
    return m, e


def ln(x: float) -> float:
    """Natural logarithm (fdlibm e_log.c)."""
    if not x > 0.0:
        if x == 0.0:
            return -_INF  # log(+-0) = -inf
        return _NAN  # log(-#) = NaN, log(NaN) = NaN
    if x == _INF:
        return x
    if x == 1.0:
        return 0.0
    m, k = _log_reduce(x)
    f = m - 1.0
    hfsq = 0.5 * f * f
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (_LG2_ + w * (_LG4 + w * _LG6))
    t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
    r = t2 + t1
    dk = float(k)
    return s * (hfsq + r) + dk * _LN2_LO - hfsq + f + dk * _LN2_HI


def log10(x: float) -> float:
    """Base-10 logarithm (fdlibm e_log10.c as in musl / libm log10.rs)."""
    if not x > 0.0:
        if x == 0.0:
            return -_INF
        return _NAN
    if x == _INF:
        return x
    if x == 1.0:
        return 0.0
    m, k = _log_reduce(x)
    f = m - 1.0
    hfsq = 0.5 * f * f
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (_LG2_ + w * (_LG4 + w * _LG6))
    t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
    r = t2 + t1
    # hi + lo = f - hfsq + s*(hfsq+R) ~ log(1+f)
    hi = _zero_lo(f - hfsq)
    lo = f - hi - hfsq + s * (hfsq + r)
    # val_hi + val_lo ~ log10(1+f) + k*log10(2)
    val_hi = hi * _IVLN10HI
    dk = float(k)
    y = dk * _LOG10_2HI
    val_lo = dk * _LOG10_2LO + (lo + hi) * _IVLN10LO + lo * _IVLN10HI
    w = y + val_hi
    val_lo += (y - w) + val_hi
    val_hi = w
    return val_lo + val_hi


# --------------------------------------------------------------------------
# Kernels on [-pi/4, pi/4]  (libm k_sin.rs, k_cos.rs, k_tan.rs)
# --------------------------------------------------------------------------

_S1 = -1.66666666666666324348e-01
_S2 = 8.33333333332248946124e-03
_S3 = -1.98412698298579493134e-04
_S4 = 2.75573137070700676789e-06
_S5 = -2.50507602534068634195e-08
_S6 = 1.58969099521155010221e-10


def _k_sin(x: float, y: float, iy: int) -> float:
    z = x * x
    w = z * z
    r = _S2 + z * (_S3 + z * _S4) + z * w * (_S5 + z * _S6)
    v = z * x
    if iy == 0:
        return x + v * (_S1 + z * r)
    return x - ((z * (0.5 * y - v * r) - y) - v * _S1)


_C1 = 4.16666666666666019037e-02
_C2 = -1.38888888888741095749e-03
_C3 = 2.48015872894767294178e-05
_C4 = -2.75573143513906633035e-07
_C5 = 2.08757232129817482790e-09
_C6 = -1.13596475577881948265e-11


def _k_cos(x: float, y: float) -> float:
    z = x * x
    w = z * z
    r = z * (_C1 + z * (_C2 + z * _C3)) + w * w * (_C4 + z * (_C5 + z * _C6))
    hz = 0.5 * z
    w = 1.0 - hz
    return w + (((1.0 - w) - hz) + (z * r - x * y))


_T = (
    3.33333333333334091986e-01,
    1.33333333333201242699e-01,
    5.39682539762260521377e-02,
    2.18694882948595424599e-02,
    8.86323982359930005737e-03,
    3.59207910759131235356e-03,
    1.45620945432529025516e-03,
    5.88041240820264096874e-04,
    2.46463134818469906812e-04,
    7.81794442939557092300e-05,
    7.14072491382608190305e-05,
    -1.85586374855275456654e-05,
    2.59073051863633712884e-05,
)
_T0, _T1, _T2, _T3, _T4, _T5, _T6, _T7, _T8, _T9, _T10, _T11, _T12 = _T
_PIO4 = 7.85398163397448278999e-01
_PIO4_LO = 3.06161699786838301793e-17
_KTAN_BIG = _hi(0x3FE59428)  # |x| >= 0.6744


def _k_tan(x: float, y: float, odd: int) -> float:
    big = abs(x) >= _KTAN_BIG
    neg = False
    if big:
        if x < 0.0:
            neg = True
            x = -x
            y = -y
        x = (_PIO4 - x) + (_PIO4_LO - y)
        y = 0.0
    z = x * x
    w = z * z
    # x^5*(T1+x^4*T3+...+x^20*T11) + x^5*(x^2*(T2+x^4*T4+...+x^22*T12))
    r = _T1 + w * (_T3 + w * (_T5 + w * (_T7 + w * (_T9 + w * _T11))))
    v = z * (_T2 + w * (_T4 + w * (_T6 + w * (_T8 + w * (_T10 + w * _T12)))))
    s = z * x
    r = y + z * (s * (r + v) + y) + s * _T0
    w = x + r
    if big:
        s = 1.0 - 2.0 * odd
        v = s - 2.0 * (x + (r - w * w / (w + s)))
        return -v if neg else v
    if odd == 0:
        return w
    # -1.0/(x+r) has up to 2ulp error, so compute it accurately
    w0 = _zero_lo(w)
    v = r - (w0 - x)  # w0 + v = r + x
    a = -1.0 / w
    a0 = _zero_lo(a)
    return a0 + a * (1.0 + a0 * w0 + a0 * v)


# --------------------------------------------------------------------------
# Argument reduction  (libm rem_pio2.rs, rem_pio2_large.rs)
# --------------------------------------------------------------------------

_TO_INT = 1.5 / 2.2204460492503131e-16
_INV_PIO2 = 6.36619772367581382433e-01
_PIO2_1 = 1.57079632673412561417e00
_PIO2_1T = 6.07710050650619224932e-11
_PIO2_2 = 6.07710050630396597660e-11
_PIO2_2T = 2.02226624879595063154e-21
_PIO2_3 = 2.02226624871116645580e-21
_PIO2_3T = 8.47842766036889956997e-32
_2PIO2_1 = 2.0 * _PIO2_1
_2PIO2_1T = 2.0 * _PIO2_1T
_3PIO2_1 = 3.0 * _PIO2_1
_3PIO2_1T = 3.0 * _PIO2_1T
_4PIO2_1 = 4.0 * _PIO2_1
_4PIO2_1T = 4.0 * _PIO2_1T


def _medium(x: float, ix: int) -> tuple[int, float, float]:
    # rint(x/(pi/2)), round-to-nearest
    tmp = x * _INV_PIO2 + _TO_INT
    f_n = tmp - _TO_INT
    n = int(f_n)
    r = x - f_n * _PIO2_1
    w = f_n * _PIO2_1T  # 1st round, good to 85 bits
    y0 = r - w
    ex = ix >> 20
    ey = (_unpack_II(_pack_d(y0))[1] >> 20) & 0x7FF
    if ex - ey > 16:  # 2nd round, good to 118 bits
        t = r
        w = f_n * _PIO2_2
        r = t - w
        w = f_n * _PIO2_2T - ((t - r) - w)
        y0 = r - w
        ey = (_unpack_II(_pack_d(y0))[1] >> 20) & 0x7FF
        if ex - ey > 49:  # 3rd round, good to 151 bits, covers all cases
            t = r
            w = f_n * _PIO2_3
            r = t - w
            w = f_n * _PIO2_3T - ((t - r) - w)
            y0 = r - w
    y1 = (r - y0) - w
    return n, y0, y1


def _rem_pio2(x: float) -> tuple[int, float, float]:
    """n, y0, y1 with x - n*pi/2 = y0 + y1 (|x| > pi/4, finite or not)."""
    hx = _unpack_II(_pack_d(x))[1]
    neg = hx >= 0x80000000
    ix = hx & 0x7FFFFFFF
    if ix <= 0x400F6A7A:  # |x| ~<= 5pi/4
        if (ix & 0xFFFFF) == 0x921FB:  # |x| ~= pi/2 or 2pi/2
            return _medium(x, ix)  # cancellation -- use medium case
        if ix <= 0x4002D97C:  # |x| ~<= 3pi/4
            if not neg:
                z = x - _PIO2_1  # one round good to 85 bits
                y0 = z - _PIO2_1T
                return 1, y0, (z - y0) - _PIO2_1T
            z = x + _PIO2_1
            y0 = z + _PIO2_1T
            return -1, y0, (z - y0) + _PIO2_1T
        if not neg:
            z = x - _2PIO2_1
            y0 = z - _2PIO2_1T
            return 2, y0, (z - y0) - _2PIO2_1T
        z = x + _2PIO2_1
        y0 = z + _2PIO2_1T
        return -2, y0, (z - y0) + _2PIO2_1T
    if ix <= 0x401C463B:  # |x| ~<= 9pi/4
        if ix <= 0x4015FDBC:  # |x| ~<= 7pi/4
            if ix == 0x4012D97C:  # |x| ~= 3pi/2
                return _medium(x, ix)
            if not neg:
                z = x - _3PIO2_1
                y0 = z - _3PIO2_1T
                return 3, y0, (z - y0) - _3PIO2_1T
            z = x + _3PIO2_1
            y0 = z + _3PIO2_1T
            return -3, y0, (z - y0) + _3PIO2_1T
        if ix == 0x401921FB:  # |x| ~= 4pi/2
            return _medium(x, ix)
        if not neg:
            z = x - _4PIO2_1
            y0 = z - _4PIO2_1T
            return 4, y0, (z - y0) - _4PIO2_1T
        z = x + _4PIO2_1
        y0 = z + _4PIO2_1T
        return -4, y0, (z - y0) + _4PIO2_1T
    if ix < 0x413921FB:  # |x| ~< 2^20*(pi/2), medium size
        return _medium(x, ix)
    if ix >= 0x7FF00000:  # inf or NaN
        y0 = x - x
        return 0, y0, y0
    # large: z = |x| scaled to [2^23, 2^24), split into three 24-bit chunks
    z = _ldexp(_frexp(abs(x))[0], 24)
    t0 = float(int(z))
    z = (z - t0) * _X1P24
    t1 = float(int(z))
    z = (z - t1) * _X1P24
    if z != 0.0:
        tx = [t0, t1, z]
    elif t1 != 0.0:
        tx = [t0, t1]
    else:
        tx = [t0]
    n, y0, y1 = _rem_pio2_large(tx, (ix >> 20) - (0x3FF + 23))
    if neg:
        return -n, -y0, -y1
    return n, y0, y1


_X1P24 = 2.0**24
_X1P_24 = 2.0**-24

# 2/pi in 24-bit chunks: fdlibm's ipio2[] for double precision (66 entries is
# all a binary64 argument can index; libm keeps a longer table for quad).
_IPIO2 = tuple(
    float(v)
    for v in (
        0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62,
        0x95993C, 0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A,
        0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
        0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41,
        0x3991D6, 0x398353, 0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8,
        0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
        0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5,
        0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08,
        0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
        0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880,
        0x4D7327, 0x310606, 0x1556CA, 0x73A8C9, 0x60E27B, 0xC08C6B,
    )
)  # fmt: skip

_PIO2 = (
    1.57079625129699707031e00,
    7.54978941586159635335e-08,
    5.39030252995776476554e-15,
    3.28200341580791294123e-22,
    1.27065575308067607349e-29,
    1.22933308981111328932e-36,
    2.73370053816464559624e-44,
    2.16741683877804819444e-51,
)


def _rem_pio2_large(x: list[float], e0: int) -> tuple[int, float, float]:
    """k_rem_pio2 for one double split into 24-bit chunks x (prec = 1:
    53-bit result as y0 + y1); returns (n & 7, y0, y1)."""
    jk = 4  # init_jk[prec]
    jp = jk
    jx = len(x) - 1
    jv = (e0 - 3) // 24 if e0 >= 3 else 0
    q0 = e0 - 24 * (jv + 1)

    f = [0.0] * 20
    q = [0.0] * 20
    fq = [0.0] * 20
    iq = [0] * 20

    # f[0] .. f[jx+jk] where f[jx+jk] = ipio2[jv+jk]
    j = jv - jx
    for i in range(jx + jk + 1):
        f[i] = _IPIO2[j] if j >= 0 else 0.0
        j += 1
    # q[0] .. q[jk]
    for i in range(jk + 1):
        fw = 0.0
        for j in range(jx + 1):
            fw += x[j] * f[jx + i - j]
        q[i] = fw

    jz = jk
    z = 0.0
    while True:
        # distill q[] into iq[] reversingly
        i = 0
        z = q[jz]
        for j in range(jz, 0, -1):
            fw = float(int(_X1P_24 * z))
            iq[i] = int(z - _X1P24 * fw)
            z = q[j - 1] + fw
            i += 1
        # compute n
        z = _ldexp(z, q0)  # actual value of z
        z -= 8.0 * _floor(z * 0.125)  # trim off integer >= 8
        n = int(z)
        z -= float(n)
        ih = 0
        if q0 > 0:  # need iq[jz-1] to determine n
            i = iq[jz - 1] >> (24 - q0)
            n += i
            iq[jz - 1] -= i << (24 - q0)
            ih = iq[jz - 1] >> (23 - q0)
        elif q0 == 0:
            ih = iq[jz - 1] >> 23
        elif z >= 0.5:
            ih = 2

        if ih > 0:  # q > 0.5
            n += 1
            carry = 0
            for i in range(jz):  # compute 1-q
                j = iq[i]
                if carry == 0:
                    if j != 0:
                        carry = 1
                        iq[i] = 0x1000000 - j
                else:
                    iq[i] = 0xFFFFFF - j
            if q0 == 1:  # rare case: chance is 1 in 12
                iq[jz - 1] &= 0x7FFFFF
            elif q0 == 2:
                iq[jz - 1] &= 0x3FFFFF
            if ih == 2:
                z = 1.0 - z
                if carry != 0:
                    z -= _ldexp(1.0, q0)

        # check if recomputation is needed
        if z == 0.0:
            j = 0
            for i in range(jz - 1, jk - 1, -1):
                j |= iq[i]
            if j == 0:  # need recomputation
                k = 1
                while iq[jk - k] == 0:
                    k += 1  # k = no. of terms needed
                for i in range(jz + 1, jz + k + 1):  # add q[jz+1] to q[jz+k]
                    f[jx + i] = _IPIO2[jv + i]
                    fw = 0.0
                    for j in range(jx + 1):
                        fw += x[j] * f[jx + i - j]
                    q[i] = fw
                jz += k
                continue
        break

    # chop off zero terms
    if z == 0.0:
        jz -= 1
        q0 -= 24
        while iq[jz] == 0:
            jz -= 1
            q0 -= 24
    else:  # break z into 24-bit if necessary
        z = _ldexp(z, -q0)
        if z >= _X1P24:
            fw = float(int(_X1P_24 * z))
            iq[jz] = int(z - _X1P24 * fw)
            jz += 1
            q0 += 24
            iq[jz] = int(fw)
        else:
            iq[jz] = int(z)

    # convert integer "bit" chunk to floating-point value
    fw = _ldexp(1.0, q0)
    for i in range(jz, -1, -1):
        q[i] = fw * float(iq[i])
        fw *= _X1P_24

    # compute PIo2[0,...,jp]*q[jz,...,0]
    for i in range(jz, -1, -1):
        fw = 0.0
        k = 0
        while k <= jp and k <= jz - i:
            fw += _PIO2[k] * q[i + k]
            k += 1
        fq[jz - i] = fw

    # compress fq[] into y[] (prec 1)
    fw = 0.0
    for i in range(jz, -1, -1):
        fw += fq[i]
    y0 = fw if ih == 0 else -fw
    fw = fq[0] - fw
    for i in range(1, jz + 1):
        fw += fq[i]
    y1 = fw if ih == 0 else -fw
    return n & 7, y0, y1


# --------------------------------------------------------------------------
# sin, cos, tan  (libm sin.rs, cos.rs, tan.rs)
# --------------------------------------------------------------------------

_PIO4_BOUND = _hi(0x3FE921FC)  # ix <= 0x3fe921fb: |x| ~< pi/4
_SIN_TINY = _hi(0x3E500000)  # |x| < 2**-26
_COS_TINY = _hi(0x3E46A09E)  # |x| < 2**-27 * sqrt(2)
_TAN_TINY = _hi(0x3E400000)  # |x| < 2**-27


def sin(x: float) -> float:
    """Sine (fdlibm s_sin.c)."""
    ax = abs(x)
    if ax < _PIO4_BOUND:
        if ax < _SIN_TINY:
            return x
        return _k_sin(x, 0.0, 0)
    if not ax < _INF:  # sin(Inf or NaN) is NaN
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _k_sin(y0, y1, 1)
    if n == 1:
        return _k_cos(y0, y1)
    if n == 2:
        return -_k_sin(y0, y1, 1)
    return -_k_cos(y0, y1)


def cos(x: float) -> float:
    """Cosine (fdlibm s_cos.c)."""
    ax = abs(x)
    if ax < _PIO4_BOUND:
        if ax < _COS_TINY:
            return 1.0
        return _k_cos(x, 0.0)
    if not ax < _INF:  # cos(Inf or NaN) is NaN
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _k_cos(y0, y1)
    if n == 1:
        return -_k_sin(y0, y1, 1)
    if n == 2:
        return -_k_cos(y0, y1)
    return _k_sin(y0, y1, 1)


def tan(x: float) -> float:
    """Tangent (fdlibm s_tan.c)."""
    ax = abs(x)
    if ax < _PIO4_BOUND:
        if ax < _TAN_TINY:
            return x
        return _k_tan(x, 0.0, 0)
    if not ax < _INF:  # tan(Inf or NaN) is NaN
        return x - x
    n, y0, y1 = _rem_pio2(x)
    return _k_tan(y0, y1, n & 1)


# --------------------------------------------------------------------------
# atan, atan2  (libm atan.rs, atan2.rs; FreeBSD s_atan.c, e_atan2.c)
# --------------------------------------------------------------------------

_ATANHI = (
    4.63647609000806093515e-01,
    7.85398163397448278999e-01,
    9.82793723247329054082e-01,
    1.57079632679489655800e00,
)
_ATANLO = (
    2.26987774529616870924e-17,
    3.06161699786838301793e-17,
    1.39033110312309984516e-17,
    6.12323399573676603587e-17,
)
_AT0 = 3.33333333333329318027e-01
_AT1 = -1.99999999998764832476e-01
_AT2 = 1.42857142725034663711e-01
_AT3 = -1.11111104054623557880e-01
_AT4 = 9.09088713343650656196e-02
_AT5 = -7.69187620504482999495e-02
_AT6 = 6.66107313738753120669e-02
_AT7 = -5.83357013379057348645e-02
_AT8 = 4.97687799461593236017e-02
_AT9 = -3.65315727442169155270e-02
_AT10 = 1.62858201153657823623e-02
_ATAN_HUGE = 2.0**66  # ix >= 0x44100000
_ATAN_INF_RESULT = _ATANHI[3] + _unpack_d(_pack_II(0x03800000, 0))[0]  # libm's "+ 0x1p-120"


def _atan(x: float) -> float:
    ax = abs(x)
    neg = x < 0.0
    if ax >= _ATAN_HUGE:
        return -_ATAN_INF_RESULT if neg else _ATAN_INF_RESULT
    if x != x:
        return x
    if ax < 0.4375:
        if ax < 3.725290298461914e-09:  # |x| < 2**-27
            return x
        idx = -1
    else:
        x = ax
        if ax < 1.1875:
            if ax < 0.6875:  # 7/16 <= |x| < 11/16
                x = (2.0 * x - 1.0) / (2.0 + x)
                idx = 0
            else:  # 11/16 <= |x| < 19/16
                x = (x - 1.0) / (x + 1.0)
                idx = 1
        elif ax < 2.4375:
            x = (x - 1.5) / (1.0 + 1.5 * x)
            idx = 2
        else:  # 2.4375 <= |x| < 2^66
            x = -1.0 / x
            idx = 3
    z = x * x
    w = z * z
    # break sum from i=0 to 10 aT[i]z**(i+1) into odd and even poly
    s1 = z * (_AT0 + w * (_AT2 + w * (_AT4 + w * (_AT6 + w * (_AT8 + w * _AT10)))))
    s2 = w * (_AT1 + w * (_AT3 + w * (_AT5 + w * (_AT7 + w * _AT9))))
    if idx < 0:
        return x - x * (s1 + s2)
    z = _ATANHI[idx] - (x * (s1 + s2) - _ATANLO[idx] - x)
    return -z if neg else z


_PI = 3.1415926535897931160e00
_PI_LO = 1.2246467991473531772e-16
_PI_2 = _PI / 2.0
_PI_4 = _PI / 4.0
_3PI_4 = 3.0 * _PI / 4.0


def atan2(y: float, x: float) -> float:
    """Arc tangent of y/x in (-pi, pi] (fdlibm e_atan2.c)."""
    if x != x or y != y:
        return x + y
    lx, hx, ly, hy = _unpack_IIII(_pack_dd(x, y))
    if hx == 0x3FF00000 and lx == 0:  # x = 1.0
        return _atan(y)
    m = (hy >> 31) | ((hx >> 30) & 2)  # 2*sign(x) + sign(y)
    ix = hx & 0x7FFFFFFF
    iy = hy & 0x7FFFFFFF
    # y = 0
    if iy == 0 and ly == 0:
        if m <= 1:
            return y  # atan(+-0, +anything) = +-0
        return _PI if m == 2 else -_PI  # atan(+-0, -anything) = +-pi
    # x = 0
    if ix == 0 and lx == 0:
        return -_PI_2 if m & 1 else _PI_2
    # x = +-inf
    if ix == 0x7FF00000:
        if iy == 0x7FF00000:
            if m == 0:
                return _PI_4
            if m == 1:
                return -_PI_4
            if m == 2:
                return _3PI_4
            return -_3PI_4
        if m == 0:
            return 0.0
        if m == 1:
            return -0.0
        if m == 2:
            return _PI
        return -_PI
    # |y/x| > 0x1p64
    if ix + (64 << 20) < iy or iy == 0x7FF00000:
        return -_PI_2 if m & 1 else _PI_2
    # z = atan(|y/x|) without spurious underflow
    if (m & 2) and iy + (64 << 20) < ix:  # |y/x| < 0x1p-64, x < 0
        z = 0.0
    else:
        z = _atan(abs(y / x))
    if m == 0:
        return z
    if m == 1:
        return -z
    if m == 2:
        return _PI - (z - _PI_LO)
    return (z - _PI_LO) - _PI
