//! Golden outputs of the headless commands on the built-in data. A change to the data or the
//! model shows up here as a reviewable diff (`cargo insta review`).

use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(args)
        .output()
        .expect("run memcycle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn project_csv() {
    insta::assert_snapshot!(run(&["project", "--format", "csv"]));
}

#[test]
fn project_table() {
    insta::assert_snapshot!(run(&["project"]));
}

#[test]
fn project_csv_from_2019() {
    insta::assert_snapshot!(run(&[
        "project",
        "--format",
        "csv",
        "--base-year",
        "2019",
        "--set",
        "horizon=2025"
    ]));
}

#[test]
fn params_csv() {
    insta::assert_snapshot!(run(&["params", "--format", "csv"]));
}

#[test]
fn market_csv() {
    insta::assert_snapshot!(run(&["market", "--format", "csv"]));
}

#[test]
fn market_table() {
    insta::assert_snapshot!(run(&["market"]));
}

#[test]
fn backtest_csv_from_2019() {
    insta::assert_snapshot!(run(&["backtest", "--from", "2019", "--format", "csv"]));
}

#[test]
fn backtest_table_from_2022() {
    insta::assert_snapshot!(run(&["backtest", "--from", "2022"]));
}

#[test]
fn rolling_backtest_table() {
    insta::assert_snapshot!(run(&["backtest", "--rolling", "2015..2022"]));
}

#[test]
fn rolling_backtest_csv() {
    insta::assert_snapshot!(run(&[
        "backtest",
        "--rolling",
        "2020..2022",
        "--horizon",
        "2",
        "--format",
        "csv"
    ]));
}

#[test]
fn check_summary() {
    insta::assert_snapshot!(run(&["check"]));
}

#[test]
fn sources_card() {
    insta::assert_snapshot!(run(&["sources", "sa_replace_2021"]));
}

#[test]
fn sources_search() {
    insta::assert_snapshot!(run(&["sources", "techinsights"]));
}

#[test]
fn tornado_table_of_dram_growth() {
    insta::assert_snapshot!(run(&[
        "tornado",
        "--output",
        "dram_growth",
        "--year",
        "2027"
    ]));
}

#[test]
fn tornado_csv() {
    insta::assert_snapshot!(run(&["tornado", "--format", "csv"]));
}

#[test]
fn seek_found_and_unreachable() {
    let seek = |output: &str, target: &str| {
        Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args([
                "seek",
                "--param",
                "smartphone.replacement_cycle",
                "--output",
                output,
                "--year",
                "2027",
                "--target",
                target,
            ])
            .output()
            .expect("run memcycle")
    };
    let found = seek("dram_growth", "14");
    assert!(found.status.success());
    let found = String::from_utf8(found.stdout).expect("utf-8");
    // An unmet target is not an answer: standard error, exit 1, no `apply:` line. The turn
    // year jumps over 2030 as the cycle moves (a crossing without a match), and no cycle in
    // the plausible range brings growth to 0.
    let mut unmet = String::new();
    for (output, target) in [("dram_growth", "0"), ("dram_turn", "2030")] {
        let o = seek(output, target);
        assert_eq!(o.status.code(), Some(1), "{output} {target}");
        assert!(o.stdout.is_empty(), "{output} {target}");
        let err = String::from_utf8(o.stderr).expect("utf-8");
        assert!(
            err.contains("no value of") && !err.contains("apply:"),
            "{err}"
        );
        unmet.push_str(&err);
    }
    insta::assert_snapshot!(format!("{found}{unmet}"));
}

#[test]
fn bands_table_and_csv() {
    insta::assert_snapshot!(run(&["bands", "--draws", "200"]));
    insta::assert_snapshot!(run(&[
        "bands", "--draws", "100", "--seed", "3", "--format", "csv"
    ]));
}

#[test]
fn bands_from_past_errors_and_coverage() {
    insta::assert_snapshot!(run(&["bands", "--errors"]));
    insta::assert_snapshot!(run(&[
        "bands",
        "--coverage",
        "2015..2024",
        "--draws",
        "200"
    ]));
}
