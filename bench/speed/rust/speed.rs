// Copied by bench/generated_speed.py into the generated crate as
// examples/speed.rs and run with `cargo run --release --example speed`.
// Straightforward hand-written Rust next to the generated functions:
// f64::powf/floor, plain i64 arithmetic, struct update syntax, Vec::push.
// Prints one JSON object per line: {"fn", "impl", "ns"} (median CPU ns per call).
use game_rules::dgrt;
use game_rules::game::progression as gen;
use std::collections::BTreeMap;
use std::hint::black_box;

/// This thread's CPU time in ns (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`;
/// std has no CPU clock and the generated crate has no dependencies), so
/// other processes on a loaded machine do not inflate the figures.
#[cfg(target_os = "linux")]
fn cpu_ns() -> u128 {
    #[repr(C)]
    struct Timespec { tv_sec: i64, tv_nsec: i64 }
    extern "C" { fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32; }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    assert_eq!(unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) }, 0);
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

/// Wall time elsewhere.
#[cfg(not(target_os = "linux"))]
fn cpu_ns() -> u128 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos()
}

#[derive(Clone)]
#[allow(dead_code)]
struct Profile { id: String, name: String, level: i64, exp: i64, tags: Vec<String>, stats: BTreeMap<String, i64>, guild: Option<String> }
#[allow(dead_code)]
struct LevelUp { profile: Profile, levels_gained: i64, new_levels: Vec<i64>, capped: bool }

fn required_exp(level: i64) -> i64 {
    if level <= 1 { return 0; }
    (100.0 * ((level - 1) as f64).powf(1.5)).floor() as i64
}
fn level_for_exp(total_exp: i64) -> Result<i64, String> {
    if total_exp < 0 { return Err("exp must be non-negative".into()); }
    let mut reached = 1;
    while reached < 50 && total_exp >= required_exp(reached + 1) { reached += 1; }
    Ok(reached)
}
fn add_exp(profile: Profile, amount: i64) -> Result<LevelUp, String> {
    if amount < 0 { return Err("amount must be non-negative".into()); }
    let total = profile.exp + amount;
    let mut level = profile.level;
    let mut reached = Vec::new();
    while level < 50 && total >= required_exp(level + 1) { level += 1; reached.push(level); }
    let gained = level - profile.level;
    Ok(LevelUp { profile: Profile { level, exp: total, ..profile }, levels_gained: gained, new_levels: reached, capped: level == 50 })
}
fn normalize_tag(tag: &str) -> String { tag.trim().to_lowercase() }

fn measure(name: &str, imp: &str, inner: usize, mut body: impl FnMut()) {
    for _ in 0..1000 { body(); }
    let mut loops = 100u64;
    loop {
        let t = cpu_ns();
        for _ in 0..loops { body(); }
        if cpu_ns() - t > 20_000_000 { break; }
        loops *= 2;
    }
    let mut samples: Vec<f64> = (0..9).map(|_| {
        let t = cpu_ns();
        for _ in 0..loops { body(); }
        (cpu_ns() - t) as f64 / (loops as f64 * inner as f64)
    }).collect();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{{\"fn\": \"{}\", \"impl\": \"{}\", \"ns\": {}}}", name, imp, samples[4]);
}

fn main() {
    let levels: Vec<i64> = (1..=50).collect();
    for &l in &levels { assert_eq!(gen::required_exp(l).unwrap(), required_exp(l)); }
    measure("required_exp", "generated", levels.len(), || for &l in &levels { black_box(gen::required_exp(black_box(l)).unwrap()); });
    measure("required_exp", "hand-written", levels.len(), || for &l in &levels { black_box(required_exp(black_box(l))); });
    // The generated runtime memoizes `pow` per thread (its fdlibm port costs
    // several times `powf`); the row above mostly hits that memo. This one
    // clears it (O(1)) before each call: the cost on inputs never seen before.
    measure("required_exp (pow memo cleared)", "generated", levels.len(), || for &l in &levels {
        dgrt::clear_pow_memo();
        black_box(gen::required_exp(black_box(l)).unwrap());
    });
    let totals = [0i64, 99, 100, 5000, 40000, 400000];
    measure("level_for_exp", "generated", totals.len(), || for &t in &totals { black_box(gen::level_for_exp(black_box(t)).unwrap()); });
    measure("level_for_exp", "hand-written", totals.len(), || for &t in &totals { black_box(level_for_exp(black_box(t)).unwrap()); });
    let gp = gen::new_profile("p1".to_string(), "Ada".to_string()).unwrap();
    let hp = Profile { id: "p1".into(), name: "Ada".into(), level: 1, exp: 0, tags: vec![], stats: BTreeMap::new(), guild: None };
    measure("add_exp", "generated", 1, || { black_box(gen::add_exp(black_box(gp.clone()), 5000).unwrap()); });
    measure("add_exp", "hand-written", 1, || { black_box(add_exp(black_box(hp.clone()), 5000).unwrap()); });
    let tags = ["  PvP ", "Founder", "\tELITE-Raider\n", "x"];
    // The generated API takes an owned String: the conversion is part of its cost.
    measure("normalize_tag", "generated", tags.len(), || for t in &tags { black_box(gen::normalize_tag(black_box(t.to_string())).unwrap()); });
    measure("normalize_tag", "hand-written", tags.len(), || for t in &tags { black_box(normalize_tag(black_box(t))); });
}
