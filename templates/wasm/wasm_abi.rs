//! The WASM exports of this crate: ABI version 1 (docs/wasm-abi.md).
//!
//! Every module function is reached through one export, `dg_call`, with
//! the function's index in `calls::NAMES`, length-prefixed canonical-JSON
//! arguments in, and a tagged result out:
//!
//! * `dg_abi_version() -> u32`: 1; a host refuses any other value.
//! * `dg_fn_count() -> u32`, `dg_fn_name(i) -> u64`: the call table
//!   (packed `ptr << 32 | len` of a static UTF-8 name).
//! * `dg_args(len) -> ptr`: a module-owned scratch buffer of at least `len`
//!   bytes for the arguments (reused; valid until the next `dg_args`).
//! * `dg_alloc(len) -> ptr`, `dg_free(ptr, len)`: general allocation.
//! * `dg_call(i, ptr, len) -> u64`: arguments are `u32 count` then per
//!   argument `u32 byte length` + UTF-8 JSON (little endian). The packed
//!   result points into a module-owned buffer valid until the next
//!   `dg_call`: byte 0 is 0 (ok: canonical JSON follows) or 1 (error: byte 1
//!   is the kind code, 0 DomainError .. 7 NoneValue, then the UTF-8
//!   message). No call leaves memory for the host to free.

use crate::calls;
use crate::wasm_arena;
use crate::dgrt::{Error, ErrorKind};
use std::alloc::{alloc, dealloc, Layout};
use std::cell::RefCell;

/// The ABI this module speaks; bumped on any incompatible change.
pub const ABI_VERSION: u32 = 1;

thread_local! {
    static ARGS: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

fn pack(ptr: *const u8, len: usize) -> u64 {
    ((ptr as usize as u64) << 32) | (len as u64)
}

fn kind_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::DomainError => 0,
        ErrorKind::IntegerOverflow => 1,
        ErrorKind::DivisionByZero => 2,
        ErrorKind::NotFinite => 3,
        ErrorKind::InvalidConversion => 4,
        ErrorKind::IndexOutOfRange => 5,
        ErrorKind::KeyNotFound => 6,
        ErrorKind::NoneValue => 7,
    }
}

/// Splits `u32 count` + (`u32 len` + bytes)* into argument texts.
fn split_args(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let bad = || Error::conversion("malformed argument buffer");
    let word = |at: usize| -> Result<usize, Error> {
        let raw = bytes.get(at..at + 4).ok_or_else(bad)?;
        Ok(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as usize)
    };
    let count = word(0)?;
    let mut at = 4;
    let mut out = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        let len = word(at)?;
        at += 4;
        let raw = bytes.get(at..at.checked_add(len).ok_or_else(bad)?).ok_or_else(bad)?;
        let text = std::str::from_utf8(raw).map_err(|_| Error::conversion("argument is not UTF-8"))?;
        out.push(text.to_owned());
        at += len;
    }
    if at != bytes.len() {
        return Err(bad());
    }
    Ok(out)
}

fn run(index: u32, bytes: &[u8]) -> Result<String, Error> {
    let name = calls::NAMES
        .get(index as usize)
        .ok_or_else(|| Error::conversion(format!("no function #{index}")))?;
    calls::call(name, &split_args(bytes)?)
}

#[no_mangle]
pub extern "C" fn dg_abi_version() -> u32 {
    ABI_VERSION
}

#[no_mangle]
pub extern "C" fn dg_fn_count() -> u32 {
    calls::NAMES.len() as u32
}

#[no_mangle]
pub extern "C" fn dg_fn_name(index: u32) -> u64 {
    match calls::NAMES.get(index as usize) {
        Some(name) => pack(name.as_ptr(), name.len()),
        None => 0,
    }
}

#[no_mangle]
pub extern "C" fn dg_alloc(len: u32) -> *mut u8 {
    let layout = Layout::from_size_align(len.max(1) as usize, 1).expect("layout");
    // SAFETY: the layout has a non-zero size.
    unsafe { alloc(layout) }
}

/// # Safety
/// `ptr` and `len` must come from one earlier `dg_alloc(len)`.
#[no_mangle]
pub unsafe extern "C" fn dg_free(ptr: *mut u8, len: u32) {
    if !ptr.is_null() {
        let layout = Layout::from_size_align(len.max(1) as usize, 1).expect("layout");
        // SAFETY: the caller passes back what `dg_alloc` returned.
        unsafe { dealloc(ptr, layout) }
    }
}

#[no_mangle]
pub extern "C" fn dg_args(len: u32) -> *mut u8 {
    ARGS.with(|cell| {
        let mut buf = cell.borrow_mut();
        if buf.len() < len as usize {
            buf.resize(len as usize, 0);
        }
        buf.as_mut_ptr()
    })
}

/// # Safety
/// `ptr .. ptr + len` must be readable module memory (from `dg_args` or
/// `dg_alloc`).
#[no_mangle]
pub unsafe extern "C" fn dg_call(index: u32, ptr: *const u8, len: u32) -> u64 {
    // SAFETY: the host passes a buffer it obtained from this module.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len as usize) };
    wasm_arena::begin();
    let outcome = run(index, bytes);
    wasm_arena::pause(); // the result buffer outlives the call: not in the arena
    RESULT.with(|cell| {
        let mut out = cell.borrow_mut();
        out.clear();
        match outcome {
            Ok(text) => {
                out.push(0);
                out.extend_from_slice(text.as_bytes());
            }
            Err(err) => {
                out.push(1);
                out.push(kind_code(err.kind));
                out.extend_from_slice(err.message.as_bytes());
            }
        }
        if out.capacity() > 1 << 20 && out.len() < 1 << 16 {
            out.shrink_to(1 << 16);
        }
        pack(out.as_ptr(), out.len())
    })
}
