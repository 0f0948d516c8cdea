package dgrt

// List, map and optional built-ins of the domaingen language (LANGUAGE.md
// section 5). Values are immutable: every operation returns a new slice or
// map and never writes to its arguments. Maps are read in ascending key
// order only (Keys). Mirrors src/domaingen/interp/containers.py.

import (
	"cmp"
	"slices"
	"strconv"
)

// Ordered is what the language can order: Int, Float, String and enums.
type Ordered = cmp.Ordered

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// Index is `xs[i]`.
func Index[T any](xs []T, i int64) (T, error) {
	if i >= 0 && i < int64(len(xs)) {
		return xs[i], nil
	}
	var zero T
	return zero, newError(KindIndexOutOfRange, "list index "+itoa(i)+" out of range for length "+itoa(int64(len(xs))))
}

// Eq is == for Int, Float (IEEE), Bool, String and enums.
func Eq[T comparable](a, b T) bool { return a == b }

// ListEqual is deep list equality with the element equality eq.
func ListEqual[T any](a, b []T, eq func(T, T) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !eq(a[i], b[i]) {
			return false
		}
	}
	return true
}

// ListContains is `contains(List<T>, T)` with deep equality.
func ListContains[T any](xs []T, x T, eq func(T, T) bool) bool {
	for _, item := range xs {
		if eq(item, x) {
			return true
		}
	}
	return false
}

// Append is `append(xs, x)`.
func Append[T any](xs []T, x T) []T {
	out := make([]T, len(xs), len(xs)+1)
	copy(out, xs)
	return append(out, x)
}

// Concat is `concat(xs, ys)`.
func Concat[T any](xs, ys []T) []T {
	out := make([]T, 0, len(xs)+len(ys))
	out = append(out, xs...)
	return append(out, ys...)
}

// Slice is `slice(xs, start, end)`, half-open.
func Slice[T any](xs []T, start, end int64) ([]T, error) {
	n := int64(len(xs))
	if start < 0 || end > n || start > end {
		return nil, newError(KindIndexOutOfRange, "slice range "+itoa(start)+".."+itoa(end)+" out of range for length "+itoa(n))
	}
	return slices.Clone(xs[start:end]), nil
}

// Reverse is `reverse(xs)`.
func Reverse[T any](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}

// Sort is `sort(xs)`: stable and ascending by `<`.
func Sort[T Ordered](xs []T) []T {
	out := slices.Clone(xs)
	slices.SortStableFunc(out, func(a, b T) int {
		switch {
		case a < b:
			return -1
		case b < a:
			return 1
		}
		return 0
	})
	return out
}

// SumInt is `sum(List<Int>)`, left to right.
func SumInt(xs []int64) (int64, error) {
	total := int64(0)
	for _, x := range xs {
		total += x
		if !inRange(total) {
			return 0, overflow("sum")
		}
	}
	return total, nil
}

// SumFloat is `sum(List<Float>)`, plain left-to-right addition.
func SumFloat(xs []float64) (float64, error) {
	total := 0.0
	for _, x := range xs {
		total += x
		if !finite(total) {
			return 0, notFinite("sum")
		}
	}
	return total, nil
}

// MinOf is `min_of(xs)`: the first of the smallest elements.
func MinOf[T Ordered](xs []T) (T, error) {
	if len(xs) == 0 {
		var zero T
		return zero, newError(KindIndexOutOfRange, "empty list in min_of")
	}
	best := xs[0]
	for _, x := range xs[1:] {
		if x < best {
			best = x
		}
	}
	return best, nil
}

// MaxOf is `max_of(xs)`: the first of the largest elements.
func MaxOf[T Ordered](xs []T) (T, error) {
	if len(xs) == 0 {
		var zero T
		return zero, newError(KindIndexOutOfRange, "empty list in max_of")
	}
	best := xs[0]
	for _, x := range xs[1:] {
		if x > best {
			best = x
		}
	}
	return best, nil
}

// MapIndex is `m[k]`.
func MapIndex[K comparable, V any](m map[K]V, k K) (V, error) {
	v, ok := m[k]
	if !ok {
		var zero V
		return zero, newError(KindKeyNotFound, "key not found in map")
	}
	return v, nil
}

// Get is `get(m, k)`.
func Get[K comparable, V any](m map[K]V, k K) *V {
	if v, ok := m[k]; ok {
		return &v
	}
	return nil
}

// Has is `has(m, k)`.
func Has[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// Put is `put(m, k, v)`: a new map.
func Put[K comparable, V any](m map[K]V, k K, v V) map[K]V {
	out := make(map[K]V, len(m)+1)
	for key, value := range m {
		out[key] = value
	}
	out[k] = v
	return out
}

// Remove is `remove(m, k)`: a new map (m itself when k is absent).
func Remove[K comparable, V any](m map[K]V, k K) map[K]V {
	if _, ok := m[k]; !ok {
		return m
	}
	out := make(map[K]V, len(m))
	for key, value := range m {
		if key != k {
			out[key] = value
		}
	}
	return out
}

// Keys is `keys(m)`: ascending key order (the only order maps are read in).
func Keys[K Ordered, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Values is `values(m)`, in ascending key order.
func Values[K Ordered, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, k := range Keys(m) {
		out = append(out, m[k])
	}
	return out
}

// MapEqual is deep map equality with the value equality eq.
func MapEqual[K comparable, V any](a, b map[K]V, eq func(V, V) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || !eq(v, w) {
			return false
		}
	}
	return true
}

// Some wraps a value as a present optional.
func Some[T any](v T) *T { return &v }

// Unwrap is `unwrap(x)`.
func Unwrap[T any](p *T) (T, error) {
	if p == nil {
		var zero T
		return zero, newError(KindNoneValue, "unwrap of none")
	}
	return *p, nil
}

// OrElse is `x ?? d` for a d that is already evaluated.
func OrElse[T any](p *T, d T) T {
	if p == nil {
		return d
	}
	return *p
}

// OptEqual is optional equality with the inner equality eq.
func OptEqual[T any](a, b *T, eq func(T, T) bool) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return eq(*a, *b)
}
