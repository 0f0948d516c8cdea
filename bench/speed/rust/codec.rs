// The canonical-JSON cost of one `add_exp` call through the call table, as
// the WASM exports pay it: decode the Profile and Int arguments, call,
// encode the LevelUp result. Copy into a generated crate of `dsl/` as
// examples/codec.rs (set `autoexamples = true` in its Cargo.toml) and run
// `cargo run --release --example codec`. Prints one JSON object per line:
// {"fn", "ns"} (median thread CPU ns per call of 9 calibrated samples).
use game_rules::calls;
use game_rules::dgrt::json;
use game_rules::game::progression as gen;
use std::hint::black_box;

/// This thread's CPU time in ns (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`).
fn cpu_ns() -> u128 {
    #[repr(C)]
    struct Timespec { tv_sec: i64, tv_nsec: i64 }
    extern "C" { fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32; }
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    assert_eq!(unsafe { clock_gettime(3, &mut ts) }, 0);
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

fn measure(name: &str, mut body: impl FnMut()) {
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
        (cpu_ns() - t) as f64 / loops as f64
    }).collect();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{{\"fn\": \"{}\", \"ns\": {:.1}}}", name, samples[4]);
}

fn main() {
    // The profile bench/wasm.py sends: new_profile("p1", "Ann") + tag "vip".
    let profile = gen::add_tag(gen::new_profile("p1".into(), "Ann".into()).unwrap(), "vip".into()).unwrap();
    let args = vec![json::encode(&profile), "150".to_string()];
    let result = calls::call("game.progression.add_exp", &args).unwrap();
    println!("{{\"args\": {}, \"result\": {}}}", json::quote(&args[0]), json::quote(&result));
    let up = gen::add_exp(profile.clone(), 150).unwrap();
    measure("call add_exp (decode+call+encode)", || { black_box(calls::call(black_box("game.progression.add_exp"), black_box(&args)).unwrap()); });
    measure("decode Profile", || { black_box(json::decode::<gen::Profile>(black_box(&args[0]), "profile").unwrap()); });
    measure("encode LevelUp", || { black_box(json::encode(black_box(&up))); });
    measure("add_exp alone", || { black_box(gen::add_exp(black_box(profile.clone()), 150).unwrap()); });
    let bad = args[0].replace("\"stats\":{}", "\"stats\":{\"hp\":\"x\"}");
    let err = json::decode::<gen::Profile>(&bad, "profile").unwrap_err();
    println!("{{\"error\": {}}}", json::quote(&err.message));
}
