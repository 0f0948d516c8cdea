//! List, map and optional built-ins (LANGUAGE.md section 5), mirroring
//! `domaingen.interp.containers` message for message.
//!
//! Every operation returns a new value. Maps are `BTreeMap`s: iteration,
//! `keys`, `values` and JSON go in ascending key order (Int numerically,
//! String by code point, enum by declaration order). `sort` is stable and
//! uses `<`, so `-0.0` and `0.0` keep their input order.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::num::Number;
use super::{Error, ErrorKind};

/// `len(xs)`.
pub fn list_len<T>(xs: &[T]) -> i64 {
    xs.len() as i64
}

/// `xs[i]`.
pub fn list_index<T: Clone>(xs: &[T], i: i64) -> Result<T, Error> {
    if i >= 0 && (i as usize) < xs.len() {
        Ok(xs[i as usize].clone())
    } else {
        Err(Error::new(
            ErrorKind::IndexOutOfRange,
            format!("list index {i} out of range for length {}", xs.len()),
        ))
    }
}

/// `contains(xs, x)`: deep equality (`x` may be a `&str` for a list of Strings).
pub fn list_contains<T: PartialEq<Q>, Q: ?Sized>(xs: &[T], x: &Q) -> bool {
    xs.iter().any(|item| item == x)
}

/// `append(xs, x)`.
pub fn append<T>(mut xs: Vec<T>, x: T) -> Vec<T> {
    xs.push(x);
    xs
}

/// `concat(xs, ys)`.
pub fn concat<T>(mut xs: Vec<T>, ys: Vec<T>) -> Vec<T> {
    xs.extend(ys);
    xs
}

/// `slice(xs, start, end)`: half-open.
pub fn slice<T: Clone>(xs: &[T], start: i64, end: i64) -> Result<Vec<T>, Error> {
    let n = xs.len() as i64;
    if start < 0 || end > n || start > end {
        return Err(Error::new(
            ErrorKind::IndexOutOfRange,
            format!("slice range {start}..{end} out of range for length {n}"),
        ));
    }
    Ok(xs[start as usize..end as usize].to_vec())
}

/// `reverse(xs)`.
pub fn reverse<T>(mut xs: Vec<T>) -> Vec<T> {
    xs.reverse();
    xs
}

/// `sort(xs)`: stable, ascending by `<`.
pub fn sort<T: PartialOrd>(mut xs: Vec<T>) -> Vec<T> {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    xs
}

/// `sum(xs)`: left to right; fails at the first partial sum out of range.
pub fn sum<N: Number>(xs: &[N]) -> Result<N, Error> {
    let mut total = N::zero();
    for x in xs {
        total = total.sum_op(*x)?;
    }
    Ok(total)
}

/// `min_of(xs)`: the first of equal smallest elements.
pub fn min_of<N: Number>(xs: &[N]) -> Result<N, Error> {
    let mut best = xs
        .first()
        .ok_or_else(|| Error::new(ErrorKind::IndexOutOfRange, "empty list in min_of"))?;
    for x in &xs[1..] {
        if x < best {
            best = x;
        }
    }
    Ok(*best)
}

/// `max_of(xs)`: the first of equal largest elements.
pub fn max_of<N: Number>(xs: &[N]) -> Result<N, Error> {
    let mut best = xs
        .first()
        .ok_or_else(|| Error::new(ErrorKind::IndexOutOfRange, "empty list in max_of"))?;
    for x in &xs[1..] {
        if x > best {
            best = x;
        }
    }
    Ok(*best)
}

/// A map literal: entries inserted in the order written (a later equal key wins).
pub fn map_of<K: Ord, V>(entries: Vec<(K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in entries {
        m.insert(k, v);
    }
    m
}

/// `len(m)`.
pub fn map_len<K, V>(m: &BTreeMap<K, V>) -> i64 {
    m.len() as i64
}

/// `m[k]`.
pub fn map_index<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V: Clone>(
    m: &BTreeMap<K, V>,
    k: &Q,
) -> Result<V, Error> {
    m.get(k)
        .cloned()
        .ok_or_else(|| Error::new(ErrorKind::KeyNotFound, "key not found in map"))
}

/// `get(m, k)`.
pub fn get<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V: Clone>(m: &BTreeMap<K, V>, k: &Q) -> Option<V> {
    m.get(k).cloned()
}

/// `has(m, k)`.
pub fn has<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V>(m: &BTreeMap<K, V>, k: &Q) -> bool {
    m.contains_key(k)
}

/// `put(m, k, v)`.
pub fn put<K: Ord, V>(mut m: BTreeMap<K, V>, k: K, v: V) -> BTreeMap<K, V> {
    m.insert(k, v);
    m
}

/// `remove(m, k)`: a missing key is a no-op.
pub fn remove<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V>(
    mut m: BTreeMap<K, V>,
    k: &Q,
) -> BTreeMap<K, V> {
    m.remove(k);
    m
}

/// `keys(m)`, ascending.
pub fn keys<K: Clone, V>(m: &BTreeMap<K, V>) -> Vec<K> {
    m.keys().cloned().collect()
}

/// `values(m)`, in ascending key order.
pub fn values<K, V: Clone>(m: &BTreeMap<K, V>) -> Vec<V> {
    m.values().cloned().collect()
}

/// `unwrap(x)`.
pub fn unwrap<T>(x: Option<T>) -> Result<T, Error> {
    x.ok_or_else(|| Error::new(ErrorKind::NoneValue, "unwrap of none"))
}

/// `is_some(x)`.
pub fn is_some<T>(x: &Option<T>) -> bool {
    x.is_some()
}
