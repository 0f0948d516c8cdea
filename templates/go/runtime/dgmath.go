package dgrt

// Bit-exact float built-ins and the Float text form of the domaingen language
// (LANGUAGE.md section 5).
//
// sqrt pow exp ln log10 sin cos tan atan2 must give bit-identical results in
// every target, and platform math libraries (Go's math package included)
// differ in the last bit.  So every domaingen runtime carries a port of one
// algorithm: FreeBSD msun / Sun fdlibm exactly as ported in the Rust libm
// crate 0.2.16 (src/math/pow.rs, exp.rs, log.rs, log10.rs, sin.rs, cos.rs,
// tan.rs, atan.rs, atan2.rs, k_sin.rs, k_cos.rs, k_tan.rs, rem_pio2.rs,
// rem_pio2_large.rs, generic/scalbn.rs).  fdlibm is Copyright (C) 1993-2004
// Sun Microsystems and freely redistributable; libm is MIT licensed.
//
// Go may fuse x*y+z into one fused multiply-add on some architectures, which
// would change results.  Every product that feeds an addition or subtraction
// is therefore wrapped in an explicit float64(...) conversion, which the Go
// specification says prevents fusion.  Constants are written as exact double
// values so that no constant arithmetic is done with more precision than the
// original C.

import (
	"math"
	"strconv"
	"strings"
)

func hiWord(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

func loWord(x float64) uint32 { return uint32(math.Float64bits(x)) }

func fromWords(hi, lo uint32) float64 { return math.Float64frombits(uint64(hi)<<32 | uint64(lo)) }

func withHiWord(x float64, hi uint32) float64 { return fromWords(hi, loWord(x)) }

func zeroLoWord(x float64) float64 { return math.Float64frombits(math.Float64bits(x) &^ 0xffffffff) }

// scalbn returns x*2**n rounded once (libm generic/scalbn.rs).
func scalbn(x float64, n int32) float64 {
	if n > 1023 {
		x = float64(x * 0x1p1023)
		n -= 1023
		if n > 1023 {
			x = float64(x * 0x1p1023)
			n -= 1023
			if n > 1023 {
				n = 1023
			}
		}
	} else if n < -1022 {
		// 2**-1022 * 2**53: prescale without going subnormal (no double rounding)
		x = float64(x * 0x1p-969)
		n += 969
		if n < -1022 {
			x = float64(x * 0x1p-969)
			n += 969
			if n < -1022 {
				n = -1022
			}
		}
	}
	return float64(x * math.Float64frombits(uint64(0x3ff+n)<<52))
}

// Sqrt returns the correctly rounded square root of x (IEEE-754 requires it,
// so the native one is bit-identical everywhere).
func Sqrt(x float64) float64 { return math.Sqrt(x) }

// pow constants (libm pow.rs)
const (
	powDpH1   = 5.84962487220764160156e-01 // 0x3fe2b803_40000000
	powDpL1   = 1.35003920212974897128e-08 // 0x3E4CFDEB, 0x43CFD006
	powTwo53  = 9007199254740992.0
	powHuge   = 1.0e300
	powTiny   = 1.0e-300
	powL1     = 5.99999999999994648725e-01
	powL2     = 4.28571428578550184252e-01
	powL3     = 3.33333329818377432918e-01
	powL4     = 2.72728123808534006489e-01
	powL5     = 2.30660745775561754067e-01
	powL6     = 2.06975017800338417784e-01
	expP1     = 1.66666666666666019037e-01
	expP2     = -2.77777777770155933842e-03
	expP3     = 6.61375632143793436117e-05
	expP4     = -1.65339022054652515390e-06
	expP5     = 4.13813679705723846039e-08
	powLg2    = 6.93147180559945286227e-01
	powLg2H   = 6.93147182464599609375e-01
	powLg2L   = -1.90465429995776804525e-09
	powOvt    = 8.0085662595372944372e-017
	powCp     = 9.61796693925975554329e-01
	powCpH    = 9.61796700954437255859e-01
	powCpL    = -7.02846165095275826516e-09
	powIvln2  = 1.44269504088896338700e+00
	powIvln2H = 1.44269502162933349609e+00
	powIvln2L = 1.92596299112661746887e-08
	powThird  = 0.3333333333333333333333
)

// Pow returns x**y (fdlibm e_pow.c as ported in libm pow.rs).
func Pow(x, y float64) float64 {
	var t1, t2 float64

	hx := int32(hiWord(x))
	lx := loWord(x)
	hy := int32(hiWord(y))
	ly := loWord(y)
	ix := hx & 0x7fffffff
	iy := hy & 0x7fffffff

	// x**0 = 1, even if x is NaN
	if uint32(iy)|ly == 0 {
		return 1.0
	}
	// 1**y = 1, even if y is NaN
	if hx == 0x3ff00000 && lx == 0 {
		return 1.0
	}
	// NaN if either argument is NaN
	if ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0) {
		return x + y
	}

	// yisint = 0: y is not an integer, 1: odd integer, 2: even integer
	yisint := int32(0)
	if hx < 0 {
		if iy >= 0x43400000 {
			yisint = 2
		} else if iy >= 0x3ff00000 {
			k := (iy >> 20) - 0x3ff
			if k > 20 {
				j := ly >> uint(52-k)
				if j<<uint(52-k) == ly {
					yisint = 2 - int32(j&1)
				}
			} else if ly == 0 {
				j := iy >> uint(20-k)
				if j<<uint(20-k) == iy {
					yisint = 2 - (j & 1)
				}
			}
		}
	}

	// special values of y
	if ly == 0 {
		if iy == 0x7ff00000 { // y is +-inf
			if ix == 0x3ff00000 && lx == 0 {
				return 1.0 // (-1)**+-inf is 1
			}
			if ix >= 0x3ff00000 { // (|x|>1)**+-inf = inf, 0
				if hy >= 0 {
					return y
				}
				return 0.0
			}
			if hy >= 0 { // (|x|<1)**+-inf = 0, inf
				return 0.0
			}
			return -y
		}
		if iy == 0x3ff00000 { // y is +-1
			if hy >= 0 {
				return x
			}
			return 1.0 / x
		}
		if hy == 0x40000000 { // y is 2
			return float64(x * x)
		}
		if hy == 0x3fe00000 && hx >= 0 { // y is 0.5, x >= +0
			return math.Sqrt(x)
		}
	}

	ax := math.Abs(x)
	if lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000) { // x is +-0, +-inf, +-1
		z := ax
		if hy < 0 {
			z = 1.0 / z
		}
		if hx < 0 {
			if ix == 0x3ff00000 && yisint == 0 {
				z = (z - z) / (z - z) // (-1)**non-int is NaN
			} else if yisint == 1 {
				z = -z // (x<0)**odd = -(|x|**odd)
			}
		}
		return z
	}

	s := 1.0 // sign of the result
	if hx < 0 {
		if yisint == 0 {
			return (x - x) / (x - x) // (x<0)**(non-int) is NaN
		}
		if yisint == 1 {
			s = -1.0
		}
	}

	if iy > 0x41e00000 { // |y| > 2**31
		if iy > 0x43f00000 { // |y| > 2**64, must over/underflow
			if ix <= 0x3fefffff {
				if hy < 0 {
					return math.Inf(1) // huge * huge
				}
				return 0.0 // tiny * tiny
			}
			if ix >= 0x3ff00000 {
				if hy > 0 {
					return math.Inf(1)
				}
				return 0.0
			}
		}
		// over/underflow if x is not close to one
		if ix < 0x3fefffff {
			if hy < 0 {
				return float64(float64(s*powHuge) * powHuge)
			}
			return float64(float64(s*powTiny) * powTiny)
		}
		if ix > 0x3ff00000 {
			if hy > 0 {
				return float64(float64(s*powHuge) * powHuge)
			}
			return float64(float64(s*powTiny) * powTiny)
		}
		// |1-x| is tiny <= 2**-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
		t := ax - 1.0
		w := float64(float64(t*t) * (0.5 - float64(t*(powThird-float64(t*0.25)))))
		u := float64(powIvln2H * t)
		v := float64(t*powIvln2L) - float64(w*powIvln2)
		t1 = zeroLoWord(u + v)
		t2 = v - (t1 - u)
	} else {
		n := int32(0)
		if ix < 0x00100000 { // subnormal x
			ax = float64(ax * powTwo53)
			n -= 53
			ix = int32(hiWord(ax))
		}
		n += (ix >> 20) - 0x3ff
		j := ix & 0x000fffff
		// determine the interval
		k := int32(0)
		ix = j | 0x3ff00000 // normalize ix
		if j <= 0x3988E {   // |x| < sqrt(3/2)
			k = 0
		} else if j < 0xBB67A { // |x| < sqrt(3)
			k = 1
		} else {
			k = 0
			n++
			ix -= 0x00100000
		}
		ax = withHiWord(ax, uint32(ix))
		bp, dpH, dpL := 1.0, 0.0, 0.0
		if k == 1 {
			bp, dpH, dpL = 1.5, powDpH1, powDpL1
		}

		// ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
		u := ax - bp
		v := 1.0 / (ax + bp)
		ss := float64(u * v)
		sH := zeroLoWord(ss)
		// t_h = ax + bp[k] high
		tH := fromWords((uint32(ix)>>1|0x20000000)+0x00080000+uint32(k)<<18, 0)
		tL := ax - (tH - bp)
		sL := float64(v * ((u - float64(sH*tH)) - float64(sH*tL)))
		// log(ax)
		s2 := float64(ss * ss)
		r := float64(float64(s2*s2) * (powL1 + float64(s2*(powL2+float64(s2*(powL3+float64(s2*(powL4+float64(s2*(powL5+float64(s2*powL6)))))))))))
		r += float64(sL * (sH + ss))
		s2 = float64(sH * sH)
		tH = zeroLoWord(3.0 + s2 + r)
		tL = r - ((tH - 3.0) - s2)
		// u + v = ss * (1 + ...)
		u = float64(sH * tH)
		v = float64(sL*tH) + float64(tL*ss)
		// 2/(3log2) * (ss + ...)
		pH := zeroLoWord(u + v)
		pL := v - (pH - u)
		zH := float64(powCpH * pH)
		zL := float64(powCpL*pH) + float64(pL*powCp) + dpL
		// log2(ax) = (ss + ..) * 2/(3*log2) = n + dp_h + z_h + z_l
		t := float64(n)
		t1 = zeroLoWord(((zH + zL) + dpH) + t)
		t2 = zL - (((t1 - t) - dpH) - zH)
	}

	// split y into y1 + y2 and compute (y1 + y2) * (t1 + t2)
	y1 := zeroLoWord(y)
	pL := float64((y-y1)*t1) + float64(y*t2)
	pH := float64(y1 * t1)
	z := pL + pH
	j := int32(hiWord(z))
	i := int32(loWord(z))
	if j >= 0x40900000 { // z >= 1024
		if (j-0x40900000)|i != 0 { // z > 1024
			return float64(float64(s*powHuge) * powHuge) // overflow
		}
		if pL+powOvt > z-pH {
			return float64(float64(s*powHuge) * powHuge) // overflow
		}
	} else if j&0x7fffffff >= 0x4090cc00 { // z <= -1075
		if (uint32(j)-0xc090cc00)|uint32(i) != 0 { // z < -1075
			return float64(float64(s*powTiny) * powTiny) // underflow
		}
		if pL <= z-pH {
			return float64(float64(s*powTiny) * powTiny) // underflow
		}
	}

	// 2**(p_h + p_l)
	i = j & 0x7fffffff
	k := (i >> 20) - 0x3ff
	n := int32(0)
	if i > 0x3fe00000 { // |z| > 0.5: n = [z + 0.5]
		n = j + (0x00100000 >> uint(k+1))
		k = ((n & 0x7fffffff) >> 20) - 0x3ff // new k for n
		t := fromWords(uint32(n&^(0x000fffff>>uint(k))), 0)
		n = ((n & 0x000fffff) | 0x00100000) >> uint(20-k)
		if j < 0 {
			n = -n
		}
		pH -= t
	}
	t := zeroLoWord(pL + pH)
	u := float64(t * powLg2H)
	v := float64((pL-(t-pH))*powLg2) + float64(t*powLg2L)
	z = u + v
	w := v - (z - u)
	t = float64(z * z)
	t1 = z - float64(t*(expP1+float64(t*(expP2+float64(t*(expP3+float64(t*(expP4+float64(t*expP5)))))))))
	r := float64(z*t1)/(t1-2.0) - (w + float64(z*w))
	z = 1.0 - (r - z)
	j = int32(hiWord(z))
	j += n << 20
	if j>>20 <= 0 { // subnormal output
		z = scalbn(z, n)
	} else {
		z = withHiWord(z, uint32(j))
	}
	return float64(s * z)
}

// exp constants (libm exp.rs)
const (
	ln2Hi  = 6.93147180369123816490e-01 // 0x3fe62e42, 0xfee00000
	ln2Lo  = 1.90821492927058770002e-10 // 0x3dea39ef, 0x35793c76
	invLn2 = 1.44269504088896338700e+00 // 0x3ff71547, 0x652b82fe
)

var expHalf = [2]float64{0.5, -0.5}

// Exp returns e**x (fdlibm e_exp.c as ported in libm exp.rs).
func Exp(x float64) float64 {
	var hi, lo float64
	var k int32

	hx := hiWord(x)
	sign := int32(hx >> 31)
	hx &= 0x7fffffff // high word of |x|

	// special cases
	if hx >= 0x4086232b { // |x| >= 708.39...
		if x != x {
			return x
		}
		if x > 709.782712893383973096 { // overflow if x != inf
			return float64(x * 0x1p1023)
		}
		if x < -745.13321910194110842 { // underflow
			return 0.0
		}
	}

	// argument reduction
	if hx > 0x3fd62e42 { // |x| > 0.5 ln2
		if hx >= 0x3ff0a2b2 { // |x| >= 1.5 ln2
			k = int32(float64(invLn2*x) + expHalf[sign])
		} else {
			k = 1 - sign - sign
		}
		hi = x - float64(float64(k)*ln2Hi) // k*ln2hi is exact here
		lo = float64(float64(k) * ln2Lo)
		x = hi - lo
	} else if hx > 0x3e300000 { // |x| > 2**-28
		k = 0
		hi = x
		lo = 0
	} else {
		return 1 + x
	}

	// x is now in primary range
	xx := float64(x * x)
	c := x - float64(xx*(expP1+float64(xx*(expP2+float64(xx*(expP3+float64(xx*(expP4+float64(xx*expP5)))))))))
	y := 1 + (float64(x*c)/(2-c) - lo + hi)
	if k == 0 {
		return y
	}
	return scalbn(y, k)
}

// log constants (libm log.rs, log10.rs)
const (
	lg1       = 6.666666666666735130e-01 // 3FE55555 55555593
	lg2       = 3.999999999940941908e-01 // 3FD99999 9997FA04
	lg3       = 2.857142874366239149e-01 // 3FD24924 94229359
	lg4       = 2.222219843214978396e-01 // 3FCC71C5 1D8E78AF
	lg5       = 1.818357216161805012e-01 // 3FC74664 96CB03DE
	lg6       = 1.531383769920937332e-01 // 3FC39A09 D078C69F
	lg7       = 1.479819860511658591e-01 // 3FC2F112 DF3E5244
	ivln10Hi  = 4.34294481878168880939e-01
	ivln10Lo  = 2.50829467116452752298e-11
	log10_2Hi = 3.01029995663611771306e-01
	log10_2Lo = 3.69423907715893078616e-13
)

// logReduce splits a non-special x into 1+f in [sqrt(2)/2, sqrt(2)) and k
// (libm log.rs / log10.rs); ok is false when the result is already known.
func logReduce(x float64) (f float64, k int32, special float64, ok bool) {
	ui := math.Float64bits(x)
	hx := uint32(ui >> 32)
	if hx < 0x00100000 || hx>>31 != 0 {
		if ui<<1 == 0 {
			return 0, 0, -1 / float64(x*x), false // log(+-0) = -inf
		}
		if hx>>31 != 0 {
			return 0, 0, math.NaN(), false // log(-#) = NaN
		}
		// subnormal number, scale x up
		k -= 54
		x = float64(x * 0x1p54)
		ui = math.Float64bits(x)
		hx = uint32(ui >> 32)
	} else if hx >= 0x7ff00000 {
		return 0, 0, x, false
	} else if hx == 0x3ff00000 && ui<<32 == 0 {
		return 0, 0, 0, false
	}
	// reduce x into [sqrt(2)/2, sqrt(2)]
	hx += 0x3ff00000 - 0x3fe6a09e
	k += int32(hx>>20) - 0x3ff
	hx = (hx & 0x000fffff) + 0x3fe6a09e
	ui = uint64(hx)<<32 | (ui & 0xffffffff)
	return math.Float64frombits(ui) - 1.0, k, 0, true
}

// Ln returns the natural logarithm of x (fdlibm e_log.c as ported in libm log.rs).
func Ln(x float64) float64 {
	f, k, special, ok := logReduce(x)
	if !ok {
		return special
	}
	hfsq := float64(float64(0.5*f) * f)
	s := f / (2.0 + f)
	z := float64(s * s)
	w := float64(z * z)
	t1 := float64(w * (lg2 + float64(w*(lg4+float64(w*lg6)))))
	t2 := float64(z * (lg1 + float64(w*(lg3+float64(w*(lg5+float64(w*lg7)))))))
	r := t2 + t1
	dk := float64(k)
	return float64(s*(hfsq+r)) + float64(dk*ln2Lo) - hfsq + f + float64(dk*ln2Hi)
}

// Log10 returns the base-10 logarithm of x (libm log10.rs).
func Log10(x float64) float64 {
	f, k, special, ok := logReduce(x)
	if !ok {
		return special
	}
	hfsq := float64(float64(0.5*f) * f)
	s := f / (2.0 + f)
	z := float64(s * s)
	w := float64(z * z)
	t1 := float64(w * (lg2 + float64(w*(lg4+float64(w*lg6)))))
	t2 := float64(z * (lg1 + float64(w*(lg3+float64(w*(lg5+float64(w*lg7)))))))
	r := t2 + t1

	// hi + lo = f - hfsq + s*(hfsq+R) ~ log(1+f)
	hi := zeroLoWord(f - hfsq)
	lo := f - hi - hfsq + float64(s*(hfsq+r))

	// val_hi + val_lo ~ log10(1+f) + k*log10(2)
	valHi := float64(hi * ivln10Hi)
	dk := float64(k)
	y := float64(dk * log10_2Hi)
	valLo := float64(dk*log10_2Lo) + float64((lo+hi)*ivln10Lo) + float64(lo*ivln10Hi)

	w = y + valHi
	valLo += (y - w) + valHi
	valHi = w
	return valLo + valHi
}

// kernel constants (libm k_sin.rs, k_cos.rs, k_tan.rs)
const (
	sinS1 = -1.66666666666666324348e-01
	sinS2 = 8.33333333332248946124e-03
	sinS3 = -1.98412698298579493134e-04
	sinS4 = 2.75573137070700676789e-06
	sinS5 = -2.50507602534068634195e-08
	sinS6 = 1.58969099521155010221e-10
	cosC1 = 4.16666666666666019037e-02
	cosC2 = -1.38888888888741095749e-03
	cosC3 = 2.48015872894767294178e-05
	cosC4 = -2.75573143513906633035e-07
	cosC5 = 2.08757232129817482790e-09
	cosC6 = -1.13596475577881948265e-11
	pio4  = 7.85398163397448278999e-01
	pio4L = 3.06161699786838301793e-17
)

var tanT = [13]float64{
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
}

func kSin(x, y float64, iy int) float64 {
	z := float64(x * x)
	w := float64(z * z)
	r := sinS2 + float64(z*(sinS3+float64(z*sinS4))) + float64(float64(z*w)*(sinS5+float64(z*sinS6)))
	v := float64(z * x)
	if iy == 0 {
		return x + float64(v*(sinS1+float64(z*r)))
	}
	return x - ((float64(z*(float64(0.5*y)-float64(v*r))) - y) - float64(v*sinS1))
}

func kCos(x, y float64) float64 {
	z := float64(x * x)
	w := float64(z * z)
	r := float64(z*(cosC1+float64(z*(cosC2+float64(z*cosC3))))) + float64(float64(w*w)*(cosC4+float64(z*(cosC5+float64(z*cosC6)))))
	hz := float64(0.5 * z)
	w = 1.0 - hz
	return w + (((1.0 - w) - hz) + (float64(z*r) - float64(x*y)))
}

func kTan(x, y float64, odd int32) float64 {
	hx := hiWord(x)
	big := hx&0x7fffffff >= 0x3FE59428 // |x| >= 0.6744
	if big {
		if hx>>31 != 0 {
			x = -x
			y = -y
		}
		x = (pio4 - x) + (pio4L - y)
		y = 0.0
	}
	t := &tanT
	z := float64(x * x)
	w := float64(z * z)
	// x^5*(T1+x^4*T3+...+x^20*T11) + x^5*(x^2*(T2+x^4*T4+...+x^22*T12))
	r := t[1] + float64(w*(t[3]+float64(w*(t[5]+float64(w*(t[7]+float64(w*(t[9]+float64(w*t[11])))))))))
	v := float64(z * (t[2] + float64(w*(t[4]+float64(w*(t[6]+float64(w*(t[8]+float64(w*(t[10]+float64(w*t[12])))))))))))
	s := float64(z * x)
	r = y + float64(z*(float64(s*(r+v))+y)) + float64(s*t[0])
	w = x + r
	if big {
		s := 1.0 - float64(2.0*float64(odd))
		v := s - float64(2.0*(x+(r-float64(w*w)/(w+s))))
		if hx>>31 != 0 {
			return -v
		}
		return v
	}
	if odd == 0 {
		return w
	}
	// -1.0/(x+r) has up to 2ulp error, so compute it accurately
	w0 := zeroLoWord(w)
	v = r - (w0 - x) // w0 + v = r + x
	a := -1.0 / w
	a0 := zeroLoWord(a)
	return a0 + float64(a*(1.0+float64(a0*w0)+float64(a0*v)))
}

// argument reduction constants (libm rem_pio2.rs); the multiples of pio2_1 and
// pio2_1t are the doubles C computes for 2.0*pio2_1 etc.
const (
	remToInt = 6755399441055744.0 // 1.5 / EPSILON
	invPio2  = 6.36619772367581382433e-01
	pio2_1   = 1.57079632673412561417e+00
	pio2_1t  = 6.07710050650619224932e-11
	pio2_2   = 6.07710050630396597660e-11
	pio2_2t  = 2.02226624879595063154e-21
	pio2_3   = 2.02226624871116645580e-21
	pio2_3t  = 8.47842766036889956997e-32
	pio2x2   = 0x1.921fb54400000p+1  // 2 * pio2_1
	pio2tx2  = 0x1.0b4611a626331p-33 // 2 * pio2_1t
	pio2x3   = 0x1.2d97c7f300000p+2  // 3 * pio2_1
	pio2tx3  = 0x1.90e91a79394cap-33 // 3 * pio2_1t (rounded, as in C)
	pio2x4   = 0x1.921fb54400000p+2  // 4 * pio2_1
	pio2tx4  = 0x1.0b4611a626331p-32 // 4 * pio2_1t
)

func remPio2Medium(x float64, ix uint32) (int32, float64, float64) {
	// rint(x/(pi/2)), round-to-nearest
	tmp := float64(x*invPio2) + remToInt
	fn := tmp - remToInt
	n := int32(fn)
	r := x - float64(fn*pio2_1)
	w := float64(fn * pio2_1t) // 1st round, good to 85 bits
	y0 := r - w
	ey := int32(math.Float64bits(y0)>>52) & 0x7ff
	ex := int32(ix >> 20)
	if ex-ey > 16 { // 2nd round, good to 118 bits
		t := r
		w = float64(fn * pio2_2)
		r = t - w
		w = float64(fn*pio2_2t) - ((t - r) - w)
		y0 = r - w
		ey = int32(math.Float64bits(y0)>>52) & 0x7ff
		if ex-ey > 49 { // 3rd round, good to 151 bits, covers all cases
			t := r
			w = float64(fn * pio2_3)
			r = t - w
			w = float64(fn*pio2_3t) - ((t - r) - w)
			y0 = r - w
		}
	}
	y1 := (r - y0) - w
	return n, y0, y1
}

// remPio2 returns n and y0+y1 = x - n*pi/2 (libm rem_pio2.rs).
func remPio2(x float64) (int32, float64, float64) {
	sign := math.Float64bits(x)>>63 != 0
	ix := hiWord(x) & 0x7fffffff

	if ix <= 0x400f6a7a { // |x| ~<= 5pi/4
		if ix&0xfffff == 0x921fb { // |x| ~= pi/2 or 2pi/2
			return remPio2Medium(x, ix) // cancellation -- use medium case
		}
		if ix <= 0x4002d97c { // |x| ~<= 3pi/4
			if !sign {
				z := x - pio2_1 // one round good to 85 bits
				y0 := z - pio2_1t
				return 1, y0, (z - y0) - pio2_1t
			}
			z := x + pio2_1
			y0 := z + pio2_1t
			return -1, y0, (z - y0) + pio2_1t
		}
		if !sign {
			z := x - pio2x2
			y0 := z - pio2tx2
			return 2, y0, (z - y0) - pio2tx2
		}
		z := x + pio2x2
		y0 := z + pio2tx2
		return -2, y0, (z - y0) + pio2tx2
	}
	if ix <= 0x401c463b { // |x| ~<= 9pi/4
		if ix <= 0x4015fdbc { // |x| ~<= 7pi/4
			if ix == 0x4012d97c { // |x| ~= 3pi/2
				return remPio2Medium(x, ix)
			}
			if !sign {
				z := x - pio2x3
				y0 := z - pio2tx3
				return 3, y0, (z - y0) - pio2tx3
			}
			z := x + pio2x3
			y0 := z + pio2tx3
			return -3, y0, (z - y0) + pio2tx3
		}
		if ix == 0x401921fb { // |x| ~= 4pi/2
			return remPio2Medium(x, ix)
		}
		if !sign {
			z := x - pio2x4
			y0 := z - pio2tx4
			return 4, y0, (z - y0) - pio2tx4
		}
		z := x + pio2x4
		y0 := z + pio2tx4
		return -4, y0, (z - y0) + pio2tx4
	}
	if ix < 0x413921fb { // |x| ~< 2^20*(pi/2), medium size
		return remPio2Medium(x, ix)
	}
	// all other (large) arguments
	if ix >= 0x7ff00000 { // x is inf or NaN
		y0 := x - x
		return 0, y0, y0
	}
	// set z = scalbn(|x|, -ilogb(x)+23)
	ui := math.Float64bits(x)
	ui &= (^uint64(1)) >> 12
	ui |= uint64(0x3ff+23) << 52
	z := math.Float64frombits(ui)
	var tx [3]float64
	for i := 0; i < 2; i++ {
		tx[i] = float64(int32(z))
		z = float64(float64(z-tx[i]) * 0x1p24)
	}
	tx[2] = z
	// skip zero terms, first term is non-zero
	i := 2
	for i != 0 && tx[i] == 0.0 {
		i--
	}
	var ty [2]float64
	n := remPio2Large(tx[:i+1], &ty, int32(ix>>20)-(0x3ff+23))
	if sign {
		return -n, -ty[0], -ty[1]
	}
	return n, ty[0], ty[1]
}

// ipio2 is 2/pi in 24-bit chunks (fdlibm k_rem_pio2.c, double precision part).
var ipio2 = [66]int32{
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
}

var pio2Chunks = [8]float64{
	1.57079625129699707031e+00, // 0x3FF921FB, 0x40000000
	7.54978941586159635335e-08, // 0x3E74442D, 0x00000000
	5.39030252995776476554e-15, // 0x3CF84698, 0x80000000
	3.28200341580791294123e-22, // 0x3B78CC51, 0x60000000
	1.27065575308067607349e-29, // 0x39F01B83, 0x80000000
	1.22933308981111328932e-36, // 0x387A2520, 0x40000000
	2.73370053816464559624e-44, // 0x36E38222, 0x80000000
	2.16741683877804819444e-51, // 0x3569F31D, 0x00000000
}

// remPio2Large is k_rem_pio2 for prec = 1 (libm rem_pio2_large.rs).
func remPio2Large(x []float64, y *[2]float64, e0 int32) int32 {
	const jk = 4 // init_jk[prec]
	const jp = jk
	var f, fq, q [20]float64
	var iq [20]int32
	var fw, z float64
	var n, ih int32

	jx := len(x) - 1
	jv := int((e0 - 3) / 24)
	if jv < 0 {
		jv = 0
	}
	q0 := e0 - 24*int32(jv+1)

	// set up f[0] to f[jx+jk] where f[jx+jk] = ipio2[jv+jk]
	j := jv - jx
	for i := 0; i <= jx+jk; i++ {
		if j < 0 {
			f[i] = 0
		} else {
			f[i] = float64(ipio2[j])
		}
		j++
	}
	// compute q[0], q[1], ... q[jk]
	for i := 0; i <= jk; i++ {
		fw = 0
		for j := 0; j <= jx; j++ {
			fw += float64(x[j] * f[jx+i-j])
		}
		q[i] = fw
	}

	jz := jk
	for {
		// distill q[] into iq[] reversingly
		i := 0
		z = q[jz]
		for j := jz; j > 0; j-- {
			fw = float64(int32(0x1p-24 * z))
			iq[i] = int32(z - float64(0x1p24*fw))
			z = q[j-1] + fw
			i++
		}
		// compute n
		z = scalbn(z, q0)                       // actual value of z
		z -= float64(8.0 * math.Floor(z*0.125)) // trim off integer >= 8
		n = int32(z)
		z -= float64(n)
		ih = 0
		if q0 > 0 { // need iq[jz-1] to determine n
			i := iq[jz-1] >> uint(24-q0)
			n += i
			iq[jz-1] -= i << uint(24-q0)
			ih = iq[jz-1] >> uint(23-q0)
		} else if q0 == 0 {
			ih = iq[jz-1] >> 23
		} else if z >= 0.5 {
			ih = 2
		}

		if ih > 0 { // q > 0.5
			n++
			carry := int32(0)
			for i := 0; i < jz; i++ { // compute 1-q
				j := iq[i]
				if carry == 0 {
					if j != 0 {
						carry = 1
						iq[i] = 0x1000000 - j
					}
				} else {
					iq[i] = 0xffffff - j
				}
			}
			if q0 > 0 { // rare case: chance is 1 in 12
				switch q0 {
				case 1:
					iq[jz-1] &= 0x7fffff
				case 2:
					iq[jz-1] &= 0x3fffff
				}
			}
			if ih == 2 {
				z = 1.0 - z
				if carry != 0 {
					z -= scalbn(1.0, q0)
				}
			}
		}

		// check if recomputation is needed
		if z == 0 {
			j := int32(0)
			for i := jz - 1; i >= jk; i-- {
				j |= iq[i]
			}
			if j == 0 { // need recomputation
				k := 1
				for iq[jk-k] == 0 {
					k++ // k = no. of terms needed
				}
				for i := jz + 1; i <= jz+k; i++ { // add q[jz+1] to q[jz+k]
					f[jx+i] = float64(ipio2[jv+i])
					fw = 0
					for j := 0; j <= jx; j++ {
						fw += float64(x[j] * f[jx+i-j])
					}
					q[i] = fw
				}
				jz += k
				continue
			}
		}
		break
	}

	// chop off zero terms
	if z == 0 {
		jz--
		q0 -= 24
		for iq[jz] == 0 {
			jz--
			q0 -= 24
		}
	} else { // break z into 24-bit if necessary
		z = scalbn(z, -q0)
		if z >= 0x1p24 {
			fw = float64(int32(0x1p-24 * z))
			iq[jz] = int32(z - float64(0x1p24*fw))
			jz++
			q0 += 24
			iq[jz] = int32(fw)
		} else {
			iq[jz] = int32(z)
		}
	}

	// convert integer "bit" chunk to floating-point value
	fw = scalbn(1.0, q0)
	for i := jz; i >= 0; i-- {
		q[i] = float64(fw * float64(iq[i]))
		fw = float64(fw * 0x1p-24)
	}

	// compute PIo2[0,...,jp]*q[jz,...,0]
	for i := jz; i >= 0; i-- {
		fw = 0
		for k := 0; k <= jp && k <= jz-i; k++ {
			fw += float64(pio2Chunks[k] * q[i+k])
		}
		fq[jz-i] = fw
	}

	// compress fq[] into y[] (prec 1)
	fw = 0
	for i := jz; i >= 0; i-- {
		fw += fq[i]
	}
	if ih == 0 {
		y[0] = fw
	} else {
		y[0] = -fw
	}
	fw = fq[0] - fw
	for i := 1; i <= jz; i++ {
		fw += fq[i]
	}
	if ih == 0 {
		y[1] = fw
	} else {
		y[1] = -fw
	}
	return n & 7
}

// Sin returns the sine of x (fdlibm s_sin.c as ported in libm sin.rs).
func Sin(x float64) float64 {
	ix := hiWord(x) & 0x7fffffff
	if ix <= 0x3fe921fb { // |x| ~< pi/4
		if ix < 0x3e500000 { // |x| < 2**-26
			return x
		}
		return kSin(x, 0.0, 0)
	}
	if ix >= 0x7ff00000 { // sin(Inf or NaN) is NaN
		return x - x
	}
	n, y0, y1 := remPio2(x)
	switch n & 3 {
	case 0:
		return kSin(y0, y1, 1)
	case 1:
		return kCos(y0, y1)
	case 2:
		return -kSin(y0, y1, 1)
	default:
		return -kCos(y0, y1)
	}
}

// Cos returns the cosine of x (fdlibm s_cos.c as ported in libm cos.rs).
func Cos(x float64) float64 {
	ix := hiWord(x) & 0x7fffffff
	if ix <= 0x3fe921fb { // |x| ~< pi/4
		if ix < 0x3e46a09e { // |x| < 2**-27 * sqrt(2)
			return 1.0
		}
		return kCos(x, 0.0)
	}
	if ix >= 0x7ff00000 { // cos(Inf or NaN) is NaN
		return x - x
	}
	n, y0, y1 := remPio2(x)
	switch n & 3 {
	case 0:
		return kCos(y0, y1)
	case 1:
		return -kSin(y0, y1, 1)
	case 2:
		return -kCos(y0, y1)
	default:
		return kSin(y0, y1, 1)
	}
}

// Tan returns the tangent of x (fdlibm s_tan.c as ported in libm tan.rs).
func Tan(x float64) float64 {
	ix := hiWord(x) & 0x7fffffff
	if ix <= 0x3fe921fb { // |x| ~< pi/4
		if ix < 0x3e400000 { // |x| < 2**-27
			return x
		}
		return kTan(x, 0.0, 0)
	}
	if ix >= 0x7ff00000 { // tan(Inf or NaN) is NaN
		return x - x
	}
	n, y0, y1 := remPio2(x)
	return kTan(y0, y1, n&1)
}

var atanHi = [4]float64{
	4.63647609000806093515e-01, // atan(0.5)hi 0x3FDDAC67, 0x0561BB4F
	7.85398163397448278999e-01, // atan(1.0)hi 0x3FE921FB, 0x54442D18
	9.82793723247329054082e-01, // atan(1.5)hi 0x3FEF730B, 0xD281F69B
	1.57079632679489655800e+00, // atan(inf)hi 0x3FF921FB, 0x54442D18
}

var atanLo = [4]float64{
	2.26987774529616870924e-17, // atan(0.5)lo 0x3C7A2B7F, 0x222F65E2
	3.06161699786838301793e-17, // atan(1.0)lo 0x3C81A626, 0x33145C07
	1.39033110312309984516e-17, // atan(1.5)lo 0x3C700788, 0x7AF0CBBD
	6.12323399573676603587e-17, // atan(inf)lo 0x3C91A626, 0x33145C07
}

var aT = [11]float64{
	3.33333333333329318027e-01,  // 0x3FD55555, 0x5555550D
	-1.99999999998764832476e-01, // 0xBFC99999, 0x9998EBC4
	1.42857142725034663711e-01,  // 0x3FC24924, 0x920083FF
	-1.11111104054623557880e-01, // 0xBFBC71C6, 0xFE231671
	9.09088713343650656196e-02,  // 0x3FB745CD, 0xC54C206E
	-7.69187620504482999495e-02, // 0xBFB3B0F2, 0xAF749A6D
	6.66107313738753120669e-02,  // 0x3FB10D66, 0xA0D03D51
	-5.83357013379057348645e-02, // 0xBFADDE2D, 0x52DEFD9A
	4.97687799461593236017e-02,  // 0x3FA97B4B, 0x24760DEB
	-3.65315727442169155270e-02, // 0xBFA2B444, 0x2C6A6C2F
	1.62858201153657823623e-02,  // 0x3F90AD3A, 0xE322DA11
}

// atan is fdlibm s_atan.c as ported in libm atan.rs.
func atan(x float64) float64 {
	ix := hiWord(x)
	sign := ix >> 31
	ix &= 0x7fffffff
	if ix >= 0x44100000 { // |x| >= 2^66
		if x != x {
			return x
		}
		// atanhi[3] + 0x1p-120 in libm rounds to atanhi[3]
		z := atanHi[3] + math.Float64frombits(0x03800000)
		if sign != 0 {
			return -z
		}
		return z
	}
	var id int
	if ix < 0x3fdc0000 { // |x| < 0.4375
		if ix < 0x3e400000 { // |x| < 2^-27
			return x
		}
		id = -1
	} else {
		x = math.Abs(x)
		if ix < 0x3ff30000 { // |x| < 1.1875
			if ix < 0x3fe60000 { // 7/16 <= |x| < 11/16
				x = (float64(2.0*x) - 1.0) / (2.0 + x)
				id = 0
			} else { // 11/16 <= |x| < 19/16
				x = (x - 1.0) / (x + 1.0)
				id = 1
			}
		} else if ix < 0x40038000 { // |x| < 2.4375
			x = (x - 1.5) / (1.0 + float64(1.5*x))
			id = 2
		} else { // 2.4375 <= |x| < 2^66
			x = -1.0 / x
			id = 3
		}
	}
	z := float64(x * x)
	w := float64(z * z)
	// break sum from i=0 to 10 aT[i]z**(i+1) into odd and even poly
	s1 := float64(z * (aT[0] + float64(w*(aT[2]+float64(w*(aT[4]+float64(w*(aT[6]+float64(w*(aT[8]+float64(w*aT[10])))))))))))
	s2 := float64(w * (aT[1] + float64(w*(aT[3]+float64(w*(aT[5]+float64(w*(aT[7]+float64(w*aT[9])))))))))
	if id < 0 {
		return x - float64(x*(s1+s2))
	}
	z = atanHi[id] - ((float64(x*(s1+s2)) - atanLo[id]) - x)
	if sign != 0 {
		return -z
	}
	return z
}

const (
	atan2Pi    = 3.1415926535897931160e+00 // 0x400921FB, 0x54442D18
	atan2PiLo  = 1.2246467991473531772e-16 // 0x3CA1A626, 0x33145C07
	atan2Pi2   = 0x1.921fb54442d18p+0      // pi / 2
	atan2Pi4   = 0x1.921fb54442d18p-1      // pi / 4
	atan2Pi3_4 = 0x1.2d97c7f3321d2p+1      // 3.0 * pi / 4.0 as C computes it
)

// Atan2 returns the arc tangent of y/x in [-pi, pi] using the signs of both
// to choose the quadrant (fdlibm e_atan2.c as ported in libm atan2.rs).
func Atan2(y, x float64) float64 {
	if x != x || y != y {
		return x + y
	}
	ix := hiWord(x)
	lx := loWord(x)
	iy := hiWord(y)
	ly := loWord(y)
	if ix-0x3ff00000|lx == 0 { // x = 1.0
		return atan(y)
	}
	m := (iy>>31)&1 | (ix>>30)&2 // 2*sign(x) + sign(y)
	ix &= 0x7fffffff
	iy &= 0x7fffffff

	// when y = 0
	if iy|ly == 0 {
		switch m {
		case 0, 1:
			return y // atan(+-0, +anything) = +-0
		case 2:
			return atan2Pi // atan(+0, -anything) = pi
		default:
			return -atan2Pi // atan(-0, -anything) = -pi
		}
	}
	// when x = 0
	if ix|lx == 0 {
		if m&1 != 0 {
			return -atan2Pi2
		}
		return atan2Pi2
	}
	// when x is INF
	if ix == 0x7ff00000 {
		if iy == 0x7ff00000 {
			switch m {
			case 0:
				return atan2Pi4 // atan(+INF, +INF)
			case 1:
				return -atan2Pi4 // atan(-INF, +INF)
			case 2:
				return atan2Pi3_4 // atan(+INF, -INF)
			default:
				return -atan2Pi3_4 // atan(-INF, -INF)
			}
		}
		switch m {
		case 0:
			return 0.0 // atan(+..., +INF)
		case 1:
			return math.Copysign(0, -1) // atan(-..., +INF)
		case 2:
			return atan2Pi // atan(+..., -INF)
		default:
			return -atan2Pi // atan(-..., -INF)
		}
	}
	// |y/x| > 0x1p64
	if ix+(64<<20) < iy || iy == 0x7ff00000 {
		if m&1 != 0 {
			return -atan2Pi2
		}
		return atan2Pi2
	}
	// z = atan(|y/x|) without spurious underflow
	var z float64
	if m&2 != 0 && iy+(64<<20) < ix { // |y/x| < 0x1p-64, x < 0
		z = 0.0
	} else {
		z = atan(math.Abs(y / x))
	}
	switch m {
	case 0:
		return z // atan(+, +)
	case 1:
		return -z // atan(-, +)
	case 2:
		return atan2Pi - (z - atan2PiLo) // atan(+, -)
	default:
		return (z - atan2PiLo) - atan2Pi // atan(-, -)
	}
}

// FormatFloat returns ECMAScript's Number::toString(x): the shortest
// round-trip digits, plain notation for decimal exponents in [-7, 21) and
// "1e+21" / "1.5e-7" form otherwise; -0 gives "0".
func FormatFloat(x float64) string {
	switch {
	case x != x:
		return "NaN"
	case x == 0:
		return "0"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	}
	sign := ""
	if x < 0 {
		sign = "-"
		x = -x
	}
	s := strconv.FormatFloat(x, 'e', -1, 64) // shortest: "d.ddde±XX"
	epos := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[epos+1:])
	digits := strings.TrimRight(strings.Replace(s[:epos], ".", "", 1), "0")
	k := len(digits)
	n := exp + 1 // x = 0.digits * 10**n
	var b strings.Builder
	b.WriteString(sign)
	switch {
	case k <= n && n <= 21:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", n-k))
	case 0 < n && n <= 21:
		b.WriteString(digits[:n])
		b.WriteByte('.')
		b.WriteString(digits[n:])
	case -6 < n && n <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -n))
		b.WriteString(digits)
	default:
		b.WriteByte(digits[0])
		if k > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if n-1 >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(n - 1))
	}
	return b.String()
}

// scanFloatDigits returns the index after the run of ASCII digits starting at i.
func scanFloatDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// ParseFloat parses s if it matches -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?
// and its correctly rounded value is finite; otherwise it returns false.
func ParseFloat(s string) (float64, bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	j := scanFloatDigits(s, i)
	if j == i {
		return 0, false
	}
	i = j
	if i < len(s) && s[i] == '.' {
		j = scanFloatDigits(s, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j = scanFloatDigits(s, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	if i != len(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	if err != nil {
		// only a range error can get here, and it would be infinite
		return 0, false
	}
	return v, true
}
