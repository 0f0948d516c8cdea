/**
 * Bit-exact float built-ins and the Float text form of the domaingen language
 * (LANGUAGE.md section 5).
 *
 * `sqrt pow exp ln log10 sin cos tan atan2` must give bit-identical results in
 * every target, and JavaScript engines' Math functions differ from other
 * platforms' libms in the last bit (Node's `Math.pow(x, 1.5)` differs from
 * Python's `x ** 1.5` on about 1 input in 10).  So every domaingen runtime
 * carries a port of one algorithm: FreeBSD msun / Sun fdlibm exactly as ported
 * in the Rust `libm` crate 0.2.16 (src/math/pow.rs, exp.rs, log.rs, log10.rs,
 * sin.rs, cos.rs, tan.rs, atan.rs, atan2.rs, k_sin.rs, k_cos.rs, k_tan.rs,
 * rem_pio2.rs, rem_pio2_large.rs, generic/scalbn.rs).  fdlibm is Copyright (C)
 * 1993-2004 Sun Microsystems and freely redistributable; libm is MIT licensed.
 * `sqrt` is correctly rounded by IEEE-754, so `Math.sqrt` is used.
 *
 * JavaScript numbers are IEEE-754 doubles with round-to-nearest and no fused
 * multiply-add, so the port is bit-exact.  Word access goes through one shared
 * Float64Array / Uint32Array pair; integer work uses `| 0` (int32) and `>>> 0`
 * (uint32) where the C code uses int32_t / uint32_t.  Array reads carry `!` so
 * that the file also compiles under `noUncheckedIndexedAccess`; every index is
 * in range by construction, as in the C code.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

// Reading words is one 8-byte store and 4-byte loads, which the CPU forwards
// from the store.  Writing a word and reading the double back is a 4-byte
// store followed by an 8-byte load, which it cannot forward (a stall of a dozen
// cycles), so the hot paths (`pow`, `scalbn`) build doubles arithmetically
// instead, with exact operations only: powers of two from POW2, and products
// and sums whose exact result is representable.

/** POW2[k + 1074] = 2**k exactly, for k in -1074..1023 (built by doubling). */
const POW2 = new Float64Array(2098);
POW2[0] = 5e-324; // 2**-1074, the least subnormal
for (let k = 1; k < POW2.length; k += 1) {
  POW2[k] = POW2[k - 1]! * 2;
}

/** High 32 bits of x, unsigned. */
function hiWord(x: number): number {
  F64[0] = x;
  return U32[HI]!;
}

/** Low 32 bits of x, unsigned. */
function loWord(x: number): number {
  F64[0] = x;
  return U32[LO]!;
}

function fromWords(hi: number, lo: number): number {
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0]!;
}

function withHiWord(x: number, hi: number): number {
  F64[0] = x;
  U32[HI] = hi;
  return F64[0]!;
}

/**
 * x with its low word cleared (x truncated toward zero to 21 significant bits).
 *
 * The cleared bits are worth `lo * 2**(e - 1075)` for a biased exponent e >= 1
 * (2**-1074 for e = 0): a multiple of a power of two with at most 32
 * significant bits, so the product is exact, and so is the difference, which
 * is the representable truncated value.  x = +-0 or lo = 0 returns x itself
 * (keeping the sign of -0); +-Infinity has lo = 0; a NaN goes through the words.
 */
function zeroLoWord(x: number): number {
  F64[0] = x;
  const lo = U32[LO]!;
  if (lo === 0) {
    return x;
  }
  const e = (U32[HI]! >>> 20) & 0x7ff;
  if (e === 0x7ff) {
    U32[LO] = 0; // NaN: keep the bit-level result
    return F64[0]!;
  }
  const cleared = lo * POW2[e === 0 ? 0 : e - 1]!;
  return x < 0 ? x + cleared : x - cleared;
}

/**
 * The double whose high word is `hi` and whose low word is 0, for a biased
 * exponent in 1..0x7fe: +-(2**20 + mantissa) * 2**(e - 1043), exact.
 */
function fromHiWord(hi: number): number {
  const e = (hi >>> 20) & 0x7ff;
  const magnitude = ((hi & 0x000fffff) | 0x00100000) * POW2[e + 31]!;
  return hi >>> 31 === 0 ? magnitude : -magnitude;
}

const X1P1023 = 2 ** 1023;
const X1P_969 = 2 ** -969; // 2^-1022 * 2^53

/** x * 2**n rounded once (libm generic/scalbn.rs). */
function scalbn(x: number, n: number): number {
  if (n > 1023) {
    x *= X1P1023;
    n -= 1023;
    if (n > 1023) {
      x *= X1P1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // prescale without going subnormal, so that only the last step rounds
    x *= X1P_969;
    n += 969;
    if (n < -1022) {
      x *= X1P_969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * POW2[n + 1074]!; // 2**n, n in -1022..1023
}

/** Correctly rounded square root (IEEE-754), identical on every platform. */
export function sqrt(x: number): number {
  return Math.sqrt(x);
}

// pow (libm pow.rs)
const BP = [1.0, 1.5];
const DP_H = [0.0, 5.84962487220764160156e-1]; // 0x3fe2b803_40000000
const DP_L = [0.0, 1.35003920212974897128e-8]; // 0x3E4CFDEB, 0x43CFD006
const TWO53 = 9007199254740992.0;
const HUGE = 1.0e300;
const TINY = 1.0e-300;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const LG2 = 6.93147180559945286227e-1;
const LG2_H = 6.93147182464599609375e-1;
const LG2_L = -1.90465429995776804525e-9;
const OVT = 8.0085662595372944372e-17;
const CP = 9.61796693925975554329e-1;
const CP_H = 9.61796700954437255859e-1;
const CP_L = -7.02846165095275826516e-9;
const IVLN2 = 1.442695040888963387;
const IVLN2_H = 1.44269502162933349609;
const IVLN2_L = 1.92596299112661746887e-8;
const HALF_ABOVE = 0.5 + 2 ** -21; // the least double whose high word is above that of 0.5

// A direct-mapped memo of pow, keyed on all 128 bits of (x, y): pow is a pure
// function of those bits, so a hit returns exactly the bits the computation
// would (and -0 / +0 are different keys).  Domain code calls pow with few
// distinct arguments (`pow(float(level - 1), 1.5)`), and a hit costs a few
// loads instead of ~100 ns of fdlibm; the lookup is small enough for V8 to
// inline into the caller.  An empty slot has the words of (NaN, NaN) as its key
// and NaN as its value, which is pow(NaN, NaN): even a match on it is exact.
const MEMO_BITS = 8;
const MEMO_EMPTY = 0x7fffffff; // a NaN high (and low) word
const MEMO_KEYS = new Int32Array(4 << MEMO_BITS).fill(MEMO_EMPTY);
const MEMO_VALUES = new Float64Array(1 << MEMO_BITS).fill(NaN);
let memoOn = true;

/**
 * Turns the pow memo on (the default) or off, emptying it either way: results
 * are the same, only the time differs (for benchmarks and tests).
 */
export function usePowMemo(on: boolean): void {
  MEMO_KEYS.fill(MEMO_EMPTY);
  MEMO_VALUES.fill(NaN);
  memoOn = on;
}

/** x raised to the power y: the memo, else `powWords`. */
export function pow(x: number, y: number): number {
  F64[0] = x;
  const hx = U32[HI]! | 0;
  const lx = U32[LO]! | 0;
  F64[0] = y;
  const hy = U32[HI]! | 0;
  const ly = U32[LO]! | 0;
  if (!memoOn) {
    return powWords(x, y, hx, lx >>> 0, hy, ly >>> 0);
  }
  // the memo slot of (x, y), from a multiplicative hash of the four words
  const hash = Math.imul(hx ^ Math.imul(lx ^ Math.imul(hy ^ ly, 0x9e3779b1), 0x85ebca6b), 0x9e3779b1);
  const slot = (hash >>> (32 - MEMO_BITS)) << 2;
  if (MEMO_KEYS[slot] === hx && MEMO_KEYS[slot + 1] === lx && MEMO_KEYS[slot + 2] === hy && MEMO_KEYS[slot + 3] === ly) {
    return MEMO_VALUES[slot >> 2]!;
  }
  const result = powWords(x, y, hx, lx >>> 0, hy, ly >>> 0);
  MEMO_KEYS[slot] = hx;
  MEMO_KEYS[slot + 1] = lx;
  MEMO_KEYS[slot + 2] = hy;
  MEMO_KEYS[slot + 3] = ly;
  MEMO_VALUES[slot >> 2] = result;
  return result;
}

/**
 * x raised to the power y (fdlibm e_pow.c as ported in libm pow.rs), given
 * their words (hx, hy signed; lx, ly unsigned).
 */
function powWords(x: number, y: number, hx: number, lx: number, hy: number, ly: number): number {
  let t1: number;
  let t2: number;

  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  // x**0 = 1, even if x is NaN
  if (iy === 0 && ly === 0) return 1.0;
  // 1**y = 1, even if y is NaN
  if (hx === 0x3ff00000 && lx === 0) return 1.0;
  // NaN if either argument is NaN
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) {
    return x + y;
  }

  // yisint = 0: y is not an integer, 1: odd integer, 2: even integer
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yisint = 2;
    } else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  // special values of y
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is +-inf
      if (ix === 0x3ff00000 && lx === 0) return 1.0; // (-1)**+-inf is 1
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0.0; // (|x|>1)**+-inf = inf, 0
      return hy >= 0 ? 0.0 : -y; // (|x|<1)**+-inf = 0, inf
    }
    if (iy === 0x3ff00000) return hy >= 0 ? x : 1.0 / x; // y is +-1
    if (hy === 0x40000000) return x * x; // y is 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y is 0.5, x >= +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is +-0, +-inf, +-1
    let z = ax;
    if (hy < 0) z = 1.0 / z;
    if (hx < 0) {
      if (ix === 0x3ff00000 && yisint === 0) {
        z = (z - z) / (z - z); // (-1)**non-int is NaN
      } else if (yisint === 1) {
        z = -z; // (x<0)**odd = -(|x|**odd)
      }
    }
    return z;
  }

  let s = 1.0; // sign of the result
  if (hx < 0) {
    if (yisint === 0) return (x - x) / (x - x); // (x<0)**(non-int) is NaN
    if (yisint === 1) s = -1.0;
  }

  if (iy > 0x41e00000) {
    // |y| > 2**31
    if (iy > 0x43f00000) {
      // |y| > 2**64, must over/underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    // over/underflow if x is not close to one
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1-x| is tiny <= 2**-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1.0;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = zeroLoWord(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = hiWord(ax) | 0;
    }
    const e0 = ix >> 20; // biased exponent of ax, which is normal here
    n += e0 - 0x3ff;
    const j = ix & 0x000fffff;
    // determine the interval
    let k: number;
    ix = j | 0x3ff00000; // normalize ix
    if (j <= 0x3988e) {
      k = 0; // |x| < sqrt(3/2)
    } else if (j < 0xbb67a) {
      k = 1; // |x| < sqrt(3)
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    // libm sets the high word of ax to ix: only the exponent changes, from e0
    // to ix >> 20, so that is ax * 2**((ix >> 20) - e0), exact
    ax *= POW2[(ix >> 20) - e0 + 1074]!;

    // ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
    const u = ax - BP[k]!;
    const v = 1.0 / (ax + BP[k]!);
    const ss = u * v;
    const sH = zeroLoWord(ss);
    // t_h = ax + bp[k] high
    let tH = fromHiWord(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    // tH = zeroLoWord(3.0 + s2 + r), arithmetically: |ss| < 0.11 for every
    // interval above, so s2 < 0.013, |r| < 0.001 and the sum lies in [2, 4),
    // where clearing the low word truncates to a multiple of 2**-19 (exact)
    tH = Math.floor((3.0 + s2 + r) * 0x80000) / 0x80000;
    tL = r - (tH - 3.0 - s2);
    // u + v = ss * (1 + ...)
    const u2 = sH * tH;
    const v2 = sL * tH + tL * ss;
    // 2/(3log2) * (ss + ...)
    const pH = zeroLoWord(u2 + v2);
    const pL = v2 - (pH - u2);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log2(ax) = (ss + ..) * 2/(3*log2) = n + dp_h + z_h + z_l
    const t = n;
    t1 = zeroLoWord(zH + zL + DP_H[k]! + t);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }

  // split y into y1 + y2 and compute (y1 + y2) * (t1 + t2)
  const y1 = zeroLoWord(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  // libm tests the words of z; the same tests on its value:
  if (z >= 1024) {
    if (z !== 1024) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE; // overflow
  } else if (z <= -1075) {
    if (z !== -1075) return s * TINY * TINY; // z < -1075: underflow
    if (pL <= z - pH) return s * TINY * TINY; // underflow
  }

  // 2**(p_h + p_l)
  let n = 0;
  const az = Math.abs(z);
  if (az >= HALF_ABOVE) {
    // libm: the high word of |z| is above that of 0.5; n = [z + 0.5] by adding
    // 0.5 to the high word and dropping its fraction bits.  |z| < 1076, so the
    // 0.5 bit is in the high word and the low word only holds bits below it:
    // n is floor(|z|), plus 1 when the fraction is at least 0.5 (all exact).
    let m = Math.floor(az);
    if (az - m >= 0.5) m += 1;
    n = z < 0 ? -m : m;
    pH -= n;
  }
  const t = zeroLoWord(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tz = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tz) / (tz - 2.0) - (w + z * w);
  z = 1.0 - (r - z);
  // libm adds n to the exponent field, or calls scalbn for a subnormal output;
  // a normal z * 2**n is exact, so scalbn gives the same bits in both cases
  // (inlined for the usual n: z * 2**n, one rounding, as scalbn's last step)
  return s * (n >= -1022 && n <= 1023 ? z * POW2[n + 1074]! : scalbn(z, n));
}

// exp (libm exp.rs)
const HALF = [0.5, -0.5];
const LN2HI = 6.9314718036912381649e-1; // 0x3fe62e42, 0xfee00000
const LN2LO = 1.90821492927058770002e-10; // 0x3dea39ef, 0x35793c76
const INVLN2 = 1.442695040888963387; // 0x3ff71547, 0x652b82fe

/** e raised to the power x (fdlibm e_exp.c as ported in libm exp.rs). */
export function exp(x: number): number {
  let hi: number;
  let lo: number;
  let k: number;

  let hx = hiWord(x);
  const sign = hx >>> 31;
  hx = hx & 0x7fffffff; // high word of |x|

  // special cases
  if (hx >= 0x4086232b) {
    // |x| >= 708.39...
    if (x !== x) return x;
    if (x > 709.782712893383973096) return x * X1P1023; // overflow
    if (x < -745.13321910194110842) return 0; // underflow
  }

  // argument reduction
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx >= 0x3ff0a2b2) {
      // |x| >= 1.5 ln2
      k = (INVLN2 * x + HALF[sign]!) | 0;
    } else {
      k = 1 - sign - sign;
    }
    hi = x - k * LN2HI; // k*ln2hi is exact here
    lo = k * LN2LO;
    x = hi - lo;
  } else if (hx > 0x3e300000) {
    // |x| > 2**-28
    k = 0;
    hi = x;
    lo = 0;
  } else {
    return 1 + x;
  }

  // x is now in primary range
  const xx = x * x;
  const c = x - xx * (P1 + xx * (P2 + xx * (P3 + xx * (P4 + xx * P5))));
  const y = 1 + ((x * c) / (2 - c) - lo + hi);
  return k === 0 ? y : scalbn(y, k);
}

// log, log10 (libm log.rs, log10.rs)
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.66666666666673513e-1;
const LG2_ = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const IVLN10HI = 4.34294481878168880939e-1;
const IVLN10LO = 2.50829467116452752298e-11;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/** Set by logReduce: x = 2^LOG_K * (1 + LOG_F). */
let LOG_F = 0;
let LOG_K = 0;

/**
 * Reduces x into [sqrt(2)/2, sqrt(2)) as 1 + LOG_F times 2^LOG_K and returns
 * undefined, or returns the result directly for the special arguments.
 */
function logReduce(x: number): number | undefined {
  F64[0] = x;
  let hx = U32[HI]!;
  const lo = U32[LO]!;
  let k = 0;
  if (hx < 0x00100000 || hx >>> 31 !== 0) {
    if (((hx << 1) | lo) === 0) return -1 / (x * x); // log(+-0) = -inf
    if (hx >>> 31 !== 0) return (x - x) / 0.0; // log(-#) = NaN
    // subnormal number, scale x up
    k -= 54;
    x *= 18014398509481984; // 0x1p54
    hx = hiWord(x);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx === 0x3ff00000 && lo === 0) {
    return 0;
  }
  // reduce x into [sqrt(2)/2, sqrt(2)]
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  LOG_K = k;
  LOG_F = withHiWord(x, hx) - 1.0;
  return undefined;
}

/** Natural logarithm (fdlibm e_log.c as ported in libm log.rs). */
export function ln(x: number): number {
  const special = logReduce(x);
  if (special !== undefined) return special;
  const f = LOG_F;
  const dk = LOG_K;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2_ + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  return s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

/** Base-10 logarithm (libm log10.rs, from FreeBSD e_log10.c). */
export function log10(x: number): number {
  const special = logReduce(x);
  if (special !== undefined) return special;
  const f = LOG_F;
  const dk = LOG_K;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  let w = z * z;
  const t1 = w * (LG2_ + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;

  // hi + lo = f - hfsq + s*(hfsq+R) ~ log(1+f)
  const hi = zeroLoWord(f - hfsq);
  const lo = f - hi - hfsq + s * (hfsq + r);

  // val_hi + val_lo ~ log10(1+f) + k*log10(2)
  let valHi = hi * IVLN10HI;
  const y = dk * LOG10_2HI;
  let valLo = dk * LOG10_2LO + (lo + hi) * IVLN10LO + lo * IVLN10HI;

  w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}

// kernels (libm k_sin.rs, k_cos.rs, k_tan.rs)
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kSin(x: number, y: number, iy: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

function kCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const w2 = 1.0 - hz;
  return w2 + (1.0 - w2 - hz + (z * r - x * y));
}

const T0 = 3.33333333333334091986e-1;
const T1 = 1.33333333333201242699e-1;
const T2 = 5.39682539762260521377e-2;
const T3 = 2.18694882948595424599e-2;
const T4 = 8.86323982359930005737e-3;
const T5 = 3.59207910759131235356e-3;
const T6 = 1.45620945432529025516e-3;
const T7 = 5.88041240820264096874e-4;
const T8 = 2.46463134818469906812e-4;
const T9 = 7.817944429395570923e-5;
const T10 = 7.14072491382608190305e-5;
const T11 = -1.85586374855275456654e-5;
const T12 = 2.59073051863633712884e-5;
const PIO4 = 7.85398163397448278999e-1;
const PIO4_LO = 3.06161699786838301793e-17;

function kTan(x: number, y: number, odd: number): number {
  const hx = hiWord(x);
  const big = (hx & 0x7fffffff) >= 0x3fe59428; // |x| >= 0.6744
  const neg = hx >>> 31 !== 0;
  if (big) {
    if (neg) {
      x = -x;
      y = -y;
    }
    x = PIO4 - x + (PIO4_LO - y);
    y = 0.0;
  }
  const z = x * x;
  const w = z * z;
  // x^5*(T1+x^4*T3+...+x^20*T11) + x^5*(x^2*(T2+x^4*T4+...+x^22*T12))
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  const s = z * x;
  r = y + z * (s * (r + v) + y) + s * T0;
  const w2 = x + r;
  if (big) {
    const sg = 1.0 - 2.0 * odd;
    const vv = sg - 2.0 * (x + (r - (w2 * w2) / (w2 + sg)));
    return neg ? -vv : vv;
  }
  if (odd === 0) return w2;
  // -1.0/(x+r) has up to 2ulp error, so compute it accurately
  const w0 = zeroLoWord(w2);
  v = r - (w0 - x); // w0 + v = r + x
  const a = -1.0 / w2;
  const a0 = zeroLoWord(a);
  return a0 + a * (1.0 + a0 * w0 + a0 * v);
}

// argument reduction (libm rem_pio2.rs, rem_pio2_large.rs)
const TO_INT = 1.5 / 2.2204460492503131e-16;
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** Result of remPio2: x - n*pi/2 = Y0 + Y1. */
let Y0 = 0;
let Y1 = 0;

function remPio2Medium(x: number, ix: number): number {
  // rint(x/(pi/2)), round-to-nearest
  const tmp = x * INV_PIO2 + TO_INT;
  const fn = tmp - TO_INT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // 1st round, good to 85 bits
  let y0 = r - w;
  const ex = ix >>> 20;
  let ey = (hiWord(y0) >>> 20) & 0x7ff;
  if (ex - ey > 16) {
    // 2nd round, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    ey = (hiWord(y0) >>> 20) & 0x7ff;
    if (ex - ey > 49) {
      // 3rd round, good to 151 bits, covers all cases
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  Y0 = y0;
  Y1 = r - y0 - w;
  return n;
}

function remPio2Small(z: number, c: number, n: number): number {
  const y0 = n > 0 ? z - c : z + c;
  Y0 = y0;
  Y1 = n > 0 ? z - y0 - c : z - y0 + c;
  return n;
}

/** n, with x - n*pi/2 = Y0 + Y1 (libm rem_pio2.rs). */
function remPio2(x: number): number {
  const hx = hiWord(x);
  const neg = hx >>> 31 !== 0;
  const ix = hx & 0x7fffffff;

  if (ix <= 0x400f6a7a) {
    // |x| ~<= 5pi/4
    if ((ix & 0xfffff) === 0x921fb) return remPio2Medium(x, ix); // |x| ~= pi/2 or 2pi/2
    if (ix <= 0x4002d97c) {
      // |x| ~<= 3pi/4
      if (!neg) return remPio2Small(x - PIO2_1, PIO2_1T, 1);
      return remPio2Small(x + PIO2_1, PIO2_1T, -1);
    }
    if (!neg) return remPio2Small(x - 2.0 * PIO2_1, 2.0 * PIO2_1T, 2);
    return remPio2Small(x + 2.0 * PIO2_1, 2.0 * PIO2_1T, -2);
  }
  if (ix <= 0x401c463b) {
    // |x| ~<= 9pi/4
    if (ix <= 0x4015fdbc) {
      // |x| ~<= 7pi/4
      if (ix === 0x4012d97c) return remPio2Medium(x, ix); // |x| ~= 3pi/2
      if (!neg) return remPio2Small(x - 3.0 * PIO2_1, 3.0 * PIO2_1T, 3);
      return remPio2Small(x + 3.0 * PIO2_1, 3.0 * PIO2_1T, -3);
    }
    if (ix === 0x401921fb) return remPio2Medium(x, ix); // |x| ~= 4pi/2
    if (!neg) return remPio2Small(x - 4.0 * PIO2_1, 4.0 * PIO2_1T, 4);
    return remPio2Small(x + 4.0 * PIO2_1, 4.0 * PIO2_1T, -4);
  }
  if (ix < 0x413921fb) return remPio2Medium(x, ix); // |x| ~< 2^20*(pi/2), medium size
  // all other (large) arguments
  if (ix >= 0x7ff00000) {
    // x is inf or NaN
    Y0 = x - x;
    Y1 = Y0;
    return 0;
  }
  // set z = scalbn(|x|, -ilogb(x)+23)
  let z = fromWords((hx & 0x000fffff) | ((0x3ff + 23) << 20), loWord(x));
  const tx: number[] = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]!) * 16777216; // 0x1p24
  }
  tx[2] = z;
  // skip zero terms, first term is non-zero
  let i = 2;
  while (i !== 0 && tx[i]! === 0.0) i--;
  const n = remPio2Large(tx, i + 1, (ix >> 20) - (0x3ff + 23));
  if (neg) {
    Y0 = -Y0;
    Y1 = -Y1;
    return -n;
  }
  return n;
}

/** 2/pi in 24-bit chunks (fdlibm k_rem_pio2.c, double precision part). */
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7,
  0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c,
  0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11,
  0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7,
  0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e,
  0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

const PIO2 = [
  1.57079625129699707031, // 0x3FF921FB, 0x40000000
  7.54978941586159635335e-8, // 0x3E74442D, 0x00000000
  5.39030252995776476554e-15, // 0x3CF84698, 0x80000000
  3.28200341580791294123e-22, // 0x3B78CC51, 0x60000000
  1.27065575308067607349e-29, // 0x39F01B83, 0x80000000
  1.22933308981111328932e-36, // 0x387A2520, 0x40000000
  2.73370053816464559624e-44, // 0x36E38222, 0x80000000
  2.16741683877804819444e-51, // 0x3569F31D, 0x00000000
];

/** k_rem_pio2 for prec = 1 (libm rem_pio2_large.rs); x[0..nx) are 24-bit chunks. */
function remPio2Large(x: number[], nx: number, e0: number): number {
  const X1P24 = 16777216; // 0x1p24
  const X1P_24 = 5.9604644775390625e-8; // 0x1p-24
  const jk = 4; // init_jk[prec]
  const jp = jk;
  const f = new Float64Array(20);
  const fq = new Float64Array(20);
  const q = new Float64Array(20);
  const iq = new Int32Array(20);
  let fw: number;
  let z: number;
  let n: number;
  let ih: number;

  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // set up f[0] to f[jx+jk] where f[jx+jk] = ipio2[jv+jk]
  let j = jv - jx;
  for (let i = 0; i <= jx + jk; i++) {
    f[i] = j < 0 ? 0 : IPIO2[j]!;
    j++;
  }
  // compute q[0], q[1], ... q[jk]
  for (let i = 0; i <= jk; i++) {
    fw = 0;
    for (let jj = 0; jj <= jx; jj++) fw += x[jj]! * f[jx + i - jj]!;
    q[i] = fw;
  }

  let jz = jk;
  for (;;) {
    // distill q[] into iq[] reversingly
    let i = 0;
    z = q[jz]!;
    for (let jj = jz; jj > 0; jj--) {
      fw = (X1P_24 * z) | 0;
      iq[i] = (z - X1P24 * fw) | 0;
      z = q[jj - 1]! + fw;
      i++;
    }
    // compute n
    z = scalbn(z, q0); // actual value of z
    z -= 8.0 * Math.floor(z * 0.125); // trim off integer >= 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // need iq[jz-1] to determine n
      i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1] = iq[jz - 1]! - (i << (24 - q0));
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) {
      // q > 0.5
      n += 1;
      let carry = 0;
      for (let ii = 0; ii < jz; ii++) {
        // compute 1-q
        const jj = iq[ii]!;
        if (carry === 0) {
          if (jj !== 0) {
            carry = 1;
            iq[ii] = 0x1000000 - jj;
          }
        } else {
          iq[ii] = 0xffffff - jj;
        }
      }
      if (q0 === 1) {
        iq[jz - 1] = iq[jz - 1]! & 0x7fffff; // rare case: chance is 1 in 12
      } else if (q0 === 2) {
        iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      }
      if (ih === 2) {
        z = 1.0 - z;
        if (carry !== 0) z -= scalbn(1.0, q0);
      }
    }

    // check if recomputation is needed
    if (z === 0) {
      let jj = 0;
      for (let ii = jz - 1; ii >= jk; ii--) jj |= iq[ii]!;
      if (jj === 0) {
        // need recomputation
        let k = 1;
        while (iq[jk - k]! === 0) k++; // k = no. of terms needed
        for (let ii = jz + 1; ii <= jz + k; ii++) {
          // add q[jz+1] to q[jz+k]
          f[jx + ii] = IPIO2[jv + ii]!;
          fw = 0;
          for (let m = 0; m <= jx; m++) fw += x[m]! * f[jx + ii - m]!;
          q[ii] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  // chop off zero terms
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz]! === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit if necessary
    z = scalbn(z, -q0);
    if (z >= X1P24) {
      fw = (X1P_24 * z) | 0;
      iq[jz] = (z - X1P24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // convert integer "bit" chunk to floating-point value
  fw = scalbn(1.0, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= X1P_24;
  }

  // compute PIo2[0,...,jp]*q[jz,...,0]
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }

  // compress fq[] into y[] (prec 1)
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  Y0 = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  Y1 = ih === 0 ? fw : -fw;
  return n & 7;
}

/** Sine (fdlibm s_sin.c as ported in libm sin.rs). */
export function sin(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~< pi/4
    if (ix < 0x3e500000) return x; // |x| < 2**-26
    return kSin(x, 0.0, 0);
  }
  if (ix >= 0x7ff00000) return x - x; // sin(Inf or NaN) is NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kSin(Y0, Y1, 1);
    case 1:
      return kCos(Y0, Y1);
    case 2:
      return -kSin(Y0, Y1, 1);
    default:
      return -kCos(Y0, Y1);
  }
}

/** Cosine (fdlibm s_cos.c as ported in libm cos.rs). */
export function cos(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~< pi/4
    if (ix < 0x3e46a09e) return 1.0; // |x| < 2**-27 * sqrt(2)
    return kCos(x, 0.0);
  }
  if (ix >= 0x7ff00000) return x - x; // cos(Inf or NaN) is NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kCos(Y0, Y1);
    case 1:
      return -kSin(Y0, Y1, 1);
    case 2:
      return -kCos(Y0, Y1);
    default:
      return kSin(Y0, Y1, 1);
  }
}

/** Tangent (fdlibm s_tan.c as ported in libm tan.rs). */
export function tan(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~< pi/4
    if (ix < 0x3e400000) return x; // |x| < 2**-27
    return kTan(x, 0.0, 0);
  }
  if (ix >= 0x7ff00000) return x - x; // tan(Inf or NaN) is NaN
  const n = remPio2(x);
  return kTan(Y0, Y1, n & 1);
}

// atan, atan2 (libm atan.rs, atan2.rs)
const ATANHI = [
  4.63647609000806093515e-1, // atan(0.5)hi 0x3FDDAC67, 0x0561BB4F
  7.85398163397448278999e-1, // atan(1.0)hi 0x3FE921FB, 0x54442D18
  9.82793723247329054082e-1, // atan(1.5)hi 0x3FEF730B, 0xD281F69B
  1.570796326794896558, // atan(inf)hi 0x3FF921FB, 0x54442D18
];
const ATANLO = [
  2.26987774529616870924e-17, // atan(0.5)lo 0x3C7A2B7F, 0x222F65E2
  3.06161699786838301793e-17, // atan(1.0)lo 0x3C81A626, 0x33145C07
  1.39033110312309984516e-17, // atan(1.5)lo 0x3C700788, 0x7AF0CBBD
  6.12323399573676603587e-17, // atan(inf)lo 0x3C91A626, 0x33145C07
];
const AT0 = 3.33333333333329318027e-1;
const AT1 = -1.99999999998764832476e-1;
const AT2 = 1.42857142725034663711e-1;
const AT3 = -1.1111110405462355788e-1;
const AT4 = 9.09088713343650656196e-2;
const AT5 = -7.69187620504482999495e-2;
const AT6 = 6.66107313738753120669e-2;
const AT7 = -5.83357013379057348645e-2;
const AT8 = 4.97687799461593236017e-2;
const AT9 = -3.6531572744216915527e-2;
const AT10 = 1.62858201153657823623e-2;

function atan(x: number): number {
  let ix = hiWord(x);
  const sign = ix >>> 31;
  ix &= 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66
    if (x !== x) return x;
    const z = ATANHI[3]! + fromWords(0, 0x03800000); // libm's "+ 0x1p-120"
    return sign !== 0 ? -z : z;
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      // |x| < 1.1875
      if (ix < 0x3fe60000) {
        // 7/16 <= |x| < 11/16
        x = (2.0 * x - 1.0) / (2.0 + x);
        id = 0;
      } else {
        // 11/16 <= |x| < 19/16
        x = (x - 1.0) / (x + 1.0);
        id = 1;
      }
    } else if (ix < 0x40038000) {
      // |x| < 2.4375
      x = (x - 1.5) / (1.0 + 1.5 * x);
      id = 2;
    } else {
      // 2.4375 <= |x| < 2^66
      x = -1.0 / x;
      id = 3;
    }
  }
  const z = x * x;
  const w = z * z;
  // break sum from i=0 to 10 aT[i]z**(i+1) into odd and even poly
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  if (id < 0) return x - x * (s1 + s2);
  const zz = ATANHI[id]! - (x * (s1 + s2) - ATANLO[id]! - x);
  return sign !== 0 ? -zz : zz;
}

const PI = 3.141592653589793116; // 0x400921FB, 0x54442D18
const PI_LO = 1.2246467991473531772e-16; // 0x3CA1A626, 0x33145C07

/** Arc tangent of y/x in [-pi, pi], quadrant from both signs (fdlibm e_atan2.c as ported in libm atan2.rs). */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return x + y;
  F64[0] = x;
  let ix = U32[HI]!;
  const lx = U32[LO]!;
  F64[0] = y;
  let iy = U32[HI]!;
  const ly = U32[LO]!;
  if (ix === 0x3ff00000 && lx === 0) return atan(y); // x = 1.0
  const m = ((iy >>> 31) & 1) | ((ix >>> 30) & 2); // 2*sign(x) + sign(y)
  ix &= 0x7fffffff;
  iy &= 0x7fffffff;

  // when y = 0
  if (iy === 0 && ly === 0) {
    if (m <= 1) return y; // atan(+-0, +anything) = +-0
    return m === 2 ? PI : -PI; // atan(+-0, -anything) = +-pi
  }
  // when x = 0
  if (ix === 0 && lx === 0) return m & 1 ? -PI / 2.0 : PI / 2.0;
  // when x is INF
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      switch (m) {
        case 0:
          return PI / 4.0; // atan(+INF, +INF)
        case 1:
          return -PI / 4.0; // atan(-INF, +INF)
        case 2:
          return (3.0 * PI) / 4.0; // atan(+INF, -INF)
        default:
          return (-3.0 * PI) / 4.0; // atan(-INF, -INF)
      }
    }
    switch (m) {
      case 0:
        return 0.0; // atan(+..., +INF)
      case 1:
        return -0.0; // atan(-..., +INF)
      case 2:
        return PI; // atan(+..., -INF)
      default:
        return -PI; // atan(-..., -INF)
    }
  }
  // |y/x| > 0x1p64
  if (ix + (64 << 20) < iy || iy === 0x7ff00000) return m & 1 ? -PI / 2.0 : PI / 2.0;
  // z = atan(|y/x|) without spurious underflow
  const z = m & 2 && iy + (64 << 20) < ix ? 0.0 : atan(Math.abs(y / x)); // |y/x| < 0x1p-64, x < 0
  switch (m) {
    case 0:
      return z; // atan(+, +)
    case 1:
      return -z; // atan(-, +)
    case 2:
      return PI - (z - PI_LO); // atan(+, -)
    default:
      return z - PI_LO - PI; // atan(-, -)
  }
}

/**
 * ECMAScript Number::toString(x) -- the domaingen Float text form: shortest
 * round-trip digits, `1e+21`, `1e-7`; -0 gives "0", 100.0 gives "100".
 */
export function formatFloat(x: number): string {
  if (x === 0) return "0";
  return String(x);
}

const FLOAT_SYNTAX = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * The double for s if it matches `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?` and
 * is finite; otherwise undefined.
 */
export function parseFloatStrict(s: string): number | undefined {
  if (!FLOAT_SYNTAX.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}
