//! Fuzzing the loaders: the built-in data and scenario files, mutated (numbers swapped for
//! extreme values, lines deleted or repeated, stray characters inserted, files cut short), never
//! make the library panic. A refused file gives problems that name the file and what was
//! expected; an accepted one projects to finite, non-negative demand.
//!
//! `cargo test` runs a short fixed number of cases; for a longer run:
//! `MEMCYCLE_FUZZ_CASES=5000 cargo test --release --test fuzz_loaders`.

mod common;

use memcycle::data::{Problems, parse_dataset};
use memcycle::scenario;
use memcycle::setup::Setup;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::sync::OnceLock;

const DEVICES: &str = include_str!("../data/devices.toml");
const SUPPLY: &str = include_str!("../data/supply.toml");

/// Cases per property: short by default, `MEMCYCLE_FUZZ_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("MEMCYCLE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

/// A runner with a fixed seed, so a failure in CI is the same failure on a laptop.
fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases: cases(),
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

/// One change to a file's text. Positions are taken modulo what the text has.
#[derive(Debug, Clone)]
enum Mutation {
    /// The n-th number literal becomes `value`.
    Number(usize, &'static str),
    /// The n-th line is removed.
    DeleteLine(usize),
    /// The n-th line appears twice.
    RepeatLine(usize),
    /// `text` is inserted before the n-th character.
    Insert(usize, String),
    /// The text ends before the n-th character.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let values = prop::sample::select(vec![
        "0",
        "-1",
        "-0.5",
        "1e308",
        "-1e308",
        "nan",
        "inf",
        "-inf",
        "1e-320",
        "99999999999",
        "2.5",
        "2100",
        "1989",
        "\"x\"",
        "[]",
        "{}",
        "true",
    ]);
    let stray = prop::collection::vec(
        prop::sample::select(vec![
            "\u{1b}",
            "[",
            "]",
            "=",
            "\n",
            "\"",
            "{",
            "}",
            "#",
            ",",
            ".",
            "\u{202e}",
            "스",
            "0",
            "-",
            "values",
            "unit",
            "source",
            "[[segment]]",
        ]),
        1..4,
    )
    .prop_map(|v| v.concat());
    prop_oneof![
        (any::<usize>(), values).prop_map(|(n, v)| Mutation::Number(n, v)),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
        (any::<usize>(), stray).prop_map(|(n, s)| Mutation::Insert(n, s)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Byte ranges of the number literals in `text` (digits with sign, point and exponent).
fn numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if starts {
            let start = i;
            while i < bytes.len() && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'_') {
                i += 1;
            }
            out.push(start..i);
        } else {
            i += 1;
        }
    }
    out
}

/// The n-th char boundary of `text`, n taken modulo the length.
fn boundary(text: &str, n: usize) -> usize {
    let count = text.chars().count().max(1);
    text.char_indices()
        .nth(n % count)
        .map_or(text.len(), |(i, _)| i)
}

fn apply(text: &str, m: &Mutation) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let line = |n: usize| n % lines.len().max(1);
    match m {
        Mutation::Number(n, v) => {
            let spans = numbers(text);
            match spans.get(n % spans.len().max(1)) {
                Some(r) => format!("{}{v}{}", &text[..r.start], &text[r.end..]),
                None => text.to_owned(),
            }
        }
        Mutation::DeleteLine(n) => {
            let skip = line(*n);
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        }
        Mutation::RepeatLine(n) => {
            let twice = line(*n);
            lines
                .iter()
                .enumerate()
                .flat_map(|(i, l)| std::iter::repeat_n(*l, if i == twice { 2 } else { 1 }))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Mutation::Insert(n, s) => {
            let at = boundary(text, *n);
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        Mutation::Truncate(n) => text[..boundary(text, *n)].to_owned(),
    }
}

fn assert_problems_are_located(problems: &Problems) {
    assert!(
        !problems.0.is_empty(),
        "a refusal gives at least one problem"
    );
    for p in &problems.0 {
        assert!(
            p.file == "devices.toml" || p.file == "supply.toml",
            "problem names a file: {p}"
        );
        assert!(
            p.message.contains("expected") || p.message.contains("did you mean"),
            "problem says what was expected: {p}"
        );
        assert!(!p.message.contains('\u{1b}'), "no escape sequence: {p:?}");
    }
}

/// The data set of the mutated files: refused with located problems, or accepted and projected
/// to finite, non-negative demand. Never a panic.
fn check_data(devices: &str, supply: &str) {
    match parse_dataset(("devices.toml", devices), Some(("supply.toml", supply))) {
        Err(problems) => assert_problems_are_located(&problems),
        Ok(data) => {
            let Ok(setup) = Setup::new(data, None) else {
                return;
            };
            let p = setup.project(setup.catalog.baseline());
            for (name, v) in [("DRAM", &p.total_dram_eb), ("NAND", &p.total_nand_eb)] {
                assert!(
                    v.iter().all(|x| x.is_finite() && *x >= 0.0),
                    "{name} demand: {v:?}"
                );
            }
        }
    }
}

#[test]
fn mutated_data_files_are_refused_cleanly_or_project_finitely() {
    let strategy = (prop::collection::vec(mutation(), 1..4), any::<bool>());
    runner()
        .run(&strategy, |(mutations, in_supply)| {
            let mut devices = DEVICES.to_owned();
            let mut supply = SUPPLY.to_owned();
            let target = if in_supply { &mut supply } else { &mut devices };
            for m in &mutations {
                *target = apply(target, m);
            }
            check_data(&devices, &supply);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

fn builtin() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| Setup::load(None, None).expect("built-in data"))
}

#[test]
fn generated_scenario_files_are_refused_cleanly_or_apply() {
    let setup = builtin();
    let ids: Vec<String> = setup.catalog.specs().iter().map(|s| s.id.clone()).collect();
    let key = prop_oneof![
        prop::sample::select(ids),
        "[a-z_.]{1,20}",
        Just("smartphone.replacment_cycle".to_owned()),
    ];
    let value = prop_oneof![
        -1e6..1e6f64,
        prop::sample::select(vec![0.0, -0.0, f64::MAX, f64::MIN_POSITIVE, 1e308, 2045.0]),
    ];
    let strategy = (
        prop::collection::vec((key, value), 0..6),
        prop::collection::vec(mutation(), 0..2),
    );
    runner()
        .run(&strategy, |(overrides, mutations)| {
            let mut text = String::from("name = \"Fuzzed\"\ndescription = \"d\"\n\n[overrides]\n");
            for (k, v) in &overrides {
                text.push_str(&format!("\"{k}\" = {v:?}\n"));
            }
            for m in &mutations {
                text = apply(&text, m);
            }
            match scenario::parse("fuzz.toml", "fuzz", &text, &setup.catalog, false) {
                Err(problems) => {
                    for p in &problems.0 {
                        assert_eq!(p.file, "fuzz.toml", "{p}");
                        assert!(p.message.contains("expected"), "{p}");
                    }
                }
                Ok(s) => {
                    let params = setup
                        .parameters_with(Some(&s), &[])
                        .expect("a parsed scenario applies");
                    let p = setup.project(&params);
                    assert!(p.total_dram_eb.iter().all(|x| x.is_finite() && *x >= 0.0));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn mutations_change_the_text() {
    let t = "a = 1.5\nb = 2\n";
    assert_eq!(apply(t, &Mutation::Number(1, "nan")), "a = 1.5\nb = nan\n");
    assert_eq!(apply(t, &Mutation::DeleteLine(0)), "b = 2");
    assert_eq!(apply(t, &Mutation::Truncate(3)), "a =");
    assert_eq!(numbers("x2 = 10.5e3"), vec![5..11]);
}

/// Every built-in scenario file, mutated: read, its base year peeked (a scenario about the
/// past is checked against that year's catalog), refused with problems that name the file and
/// what was expected, or applied and projected to finite demand. Never a panic.
#[test]
fn mutated_builtin_scenarios_are_refused_cleanly_or_apply() {
    let strategy = (
        prop::sample::select(scenario::BUILTIN.to_vec()),
        prop::collection::vec(mutation(), 1..3),
    );
    runner()
        .run(&strategy, |((id, text), mutations)| {
            let mut text = text.to_owned();
            for m in &mutations {
                text = apply(&text, m);
            }
            let file = format!("{id}.toml");
            let setup = match scenario::peek_base_year(&text) {
                Some(y) if y != builtin().base_year() => {
                    match Setup::new(builtin().data.clone(), Some(y)) {
                        Ok(s) => s,
                        Err(_) => return Ok(()),
                    }
                }
                _ => builtin().clone(),
            };
            match scenario::parse(&file, id, &text, &setup.catalog, true) {
                Err(problems) => {
                    for p in &problems.0 {
                        assert_eq!(p.file, file, "{p}");
                        assert!(p.message.contains("expected"), "{p}");
                    }
                }
                Ok(s) => {
                    let params = setup.parameters_with(Some(&s), &[]).expect("applies");
                    let p = setup.project(&params);
                    assert!(p.total_dram_eb.iter().all(|x| x.is_finite() && *x >= 0.0));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Deck files, mutated: the scenarios they name, or a problem naming the deck (or the
/// scenario file) and its line. Never a panic.
#[test]
fn mutated_deck_files_are_refused_cleanly_or_load() {
    let store = scenario::Store::new(None);
    let deck = "# the meeting\nbaseline\nai-boom   # the bull case\n\nlonger-cycles\npc-refresh\n";
    runner()
        .run(&prop::collection::vec(mutation(), 1..4), |mutations| {
            let mut text = deck.to_owned();
            for m in &mutations {
                text = apply(&text, m);
            }
            // A line `-` would read standard input: this test has none to give.
            if text
                .lines()
                .any(|l| l.split('#').next().unwrap_or("").trim() == "-")
            {
                return Ok(());
            }
            match scenario::load_deck("deck.txt", &text, &store, &builtin().catalog) {
                Ok(scenarios) => assert!(!scenarios.is_empty()),
                Err(problems) => {
                    for p in &problems.0 {
                        assert!(!p.file.is_empty(), "{p}");
                        assert!(
                            p.message.contains("expected") || p.message.contains("known"),
                            "{p}"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Configuration files, mutated: settings, or problems located in the file with what was
/// expected. Never a panic.
#[test]
fn mutated_config_files_are_refused_cleanly_or_load() {
    let good = include_str!("fixtures/config/good.toml");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("fuzz-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("config.toml");
    runner()
        .run(&prop::collection::vec(mutation(), 1..4), |mutations| {
            let mut text = good.to_owned();
            for m in &mutations {
                text = apply(&text, m);
            }
            std::fs::write(&file, &text).expect("write");
            if let Err(problems) = memcycle::config::load(Some(&file)) {
                for p in &problems.0 {
                    assert_eq!(p.file, file.display().to_string(), "{p}");
                    assert!(p.line >= 1 || p.message.contains("cannot read"), "{p}");
                    assert!(p.message.contains("expected"), "{p}");
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Scenario text piped into the real binary (`--scenario -`), mutated: a projection or a
/// located refusal, exit 0 or 1, never a panic or a signal, no escape byte on either stream.
/// Fewer cases: each one starts a process.
#[test]
fn mutated_scenarios_on_standard_input_are_refused_cleanly_or_project() {
    let text = scenario::BUILTIN
        .iter()
        .find(|(id, _)| *id == "ai-boom")
        .map(|(_, t)| *t)
        .expect("ai-boom");
    let mut config = Config {
        cases: (cases() / 8).max(4),
        failure_persistence: None,
        ..Config::default()
    };
    config.max_shrink_iters = 16;
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    runner
        .run(&prop::collection::vec(mutation(), 1..4), |mutations| {
            let mut input = text.to_owned();
            for m in &mutations {
                input = apply(&input, m);
            }
            let o = common::memcycle_with_stdin(&["project", "--scenario", "-"], input.as_bytes());
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{:?}: {err}",
                o.status
            );
            assert!(!err.contains("panicked"), "{err}");
            assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b));
            if o.status.code() == Some(1) {
                assert!(err.starts_with("<stdin>"), "located: {err}");
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
