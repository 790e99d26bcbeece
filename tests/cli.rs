//! The command line as a user meets it: outputs, formats, and refused arguments.

mod common;

use std::process::{Command, Output};

fn memcycle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run memcycle")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn csv_has_the_documented_columns_and_identities() {
    let o = memcycle(&["project", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "year,segment,period,shipments_m,replacement_m,growth_m,installed_base_m,dram_gb_per_unit,nand_gb_per_unit,dram_eb,nand_eb"
        )
    );
    let mut totals = 0;
    let check = stdout(&memcycle(&["check"]));
    let calibration: f64 = check
        .split("DRAM ")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .and_then(|s| s.parse().ok())
        .expect("check reports the DRAM calibration");
    assert!((0.5..2.0).contains(&calibration), "{check}");
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 11, "{line}");
        assert!(cells[2] == "history" || cells[2] == "projection", "{line}");
        if cells[1] == "total" {
            totals += 1;
            assert!(cells[3..9].iter().all(|c| c.is_empty()), "{line}");
            continue;
        }
        if cells[3].is_empty() {
            continue; // residual segment: no units
        }
        let n = |i: usize| cells[i].parse::<f64>().expect("number");
        // growth = shipments - replacement; dram_eb = shipments x GB / 1000 x the calibration
        // that `check` reports (to rounding).
        assert!((n(5) - (n(3) - n(4))).abs() <= 0.0015, "{line}");
        assert!(
            (n(9) - n(3) * n(7) / 1000.0 * calibration).abs() <= 0.0005 + n(9) * 2e-3,
            "{line}"
        );
    }
    assert!(totals > 10);
}

#[test]
fn json_and_table_formats_work() {
    let o = memcycle(&["project", "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert!(v["segments"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(v["total"].as_array().is_some_and(|a| !a.is_empty()));
    let t = memcycle(&["project"]);
    assert!(t.status.success());
    assert!(stdout(&t).contains("DRAM EB"));
}

#[test]
fn set_changes_the_projection() {
    let base = stdout(&memcycle(&["project", "--format", "csv"]));
    let id = first_cycle_id();
    let o = memcycle(&["project", "--format", "csv", "--set", &format!("{id}=7")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let changed = stdout(&o);
    // The first projected row of the segment changes its shipments; its history does not.
    let segment = id.split('.').next().expect("segment");
    let row = |text: &str, year: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{year},{segment},")))
            .map(str::to_owned)
            .expect("row")
    };
    assert_eq!(
        row(&base, "2025"),
        row(&changed, "2025"),
        "history unchanged"
    );
    let ships = |line: String| -> f64 {
        line.split(',')
            .nth(3)
            .and_then(|c| c.parse().ok())
            .expect("shipments")
    };
    assert!(
        ships(row(&changed, "2026")) < ships(row(&base, "2026")),
        "a 7-year cycle ships less in 2026"
    );
}

fn first_cycle_id() -> String {
    let params = stdout(&memcycle(&["params", "--format", "csv"]));
    params
        .lines()
        .find(|l| l.contains(".replacement_cycle,"))
        .and_then(|l| l.split(',').next())
        .expect("a replacement cycle parameter")
        .to_owned()
}

#[test]
fn params_csv_has_the_documented_columns() {
    let o = memcycle(&["params", "--format", "csv"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert_eq!(
        text.lines().next(),
        Some("id,label,unit,default,min,max,step,low,high")
    );
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 9, "{line}");
        let n = |i: usize| cells[i].parse::<f64>().expect("number");
        let (default, min, max, low, high) = (n(3), n(4), n(5), n(7), n(8));
        assert!(min <= low && low <= high && high <= max, "{line}");
        assert!(min <= default && default <= max, "{line}");
    }
}

#[test]
fn unknown_set_id_names_the_closest_ids() {
    let id = first_cycle_id();
    let typo = id.replace("cycle", "cylce");
    let o = memcycle(&["project", "--set", &format!("{typo}=4")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("unknown parameter \"{typo}\"; closest: {id}")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn out_of_range_set_names_the_range() {
    let o = memcycle(&["project", "--set", "horizon=3000"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("--set horizon=3000: out of range; expected"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("(year)"));
}

#[test]
fn malformed_set_says_the_expected_form() {
    let o = memcycle(&["project", "--set", "horizon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("expected ID=VALUE with a number, e.g. --set smartphone.base_growth=1.5"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn base_year_outside_history_says_the_range() {
    let o = memcycle(&["project", "--base-year", "1999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("--base-year 1999 is outside the history; expected a year from "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn earlier_base_year_moves_the_history_boundary() {
    let o = memcycle(&["project", "--format", "csv", "--base-year", "2019"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("\n2019,total,history,"));
    assert!(text.contains("\n2020,total,projection,"));
}

#[test]
fn help_and_version() {
    for args in [
        &["--help"][..],
        &["project", "--help"],
        &["params", "--help"],
        &["check", "--help"],
    ] {
        let o = memcycle(args);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Usage:"));
    }
    let v = memcycle(&["--version"]);
    assert!(stdout(&v).starts_with("memcycle "));
}

#[test]
fn check_prints_ok_and_a_summary() {
    let o = memcycle(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("ok\n"));
    assert!(text.contains("segments"));
}

#[test]
fn market_csv_has_the_documented_columns() {
    let o = memcycle(&[
        "market",
        "--format",
        "csv",
        "--set",
        "dram.production_cut=15",
        "--set",
        "dram.cut_start=2027",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    // One header line and rows: the overrides are named in tables and JSON, not in CSV.
    assert_eq!(
        lines.next(),
        Some(
            "year,memory,period,demand_eb,supply_eb,hbm_supply_eb,sufficiency,inventory_weeks,price_index,price_vs_trend_pct,revenue_busd,regime"
        )
    );
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 12, "{line}");
        assert!(cells[1] == "dram" || cells[1] == "nand");
        if cells[2] == "projection" {
            assert!(["tight", "balanced", "glut"].contains(&cells[11]), "{line}");
            assert!(!cells[5].is_empty(), "HBM supply is projected: {line}");
        } else {
            // History: unpublished figures are empty cells, never invented ones.
            assert!(
                ["tight", "balanced", "glut", ""].contains(&cells[11]),
                "{line}"
            );
            assert!(cells[6].is_empty() == cells[4].is_empty(), "{line}");
            assert!(cells[5].is_empty(), "HBM supply is not published: {line}");
        }
    }
    assert!(
        text.lines()
            .any(|l| l.starts_with("2012,dram,history,") && l.contains(",,,")),
        "2012 DRAM has no published sufficiency or inventory"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&memcycle(&["market", "--format", "json"]))).expect("json");
    assert_eq!(json["markets"].as_array().map(Vec::len), Some(2));
}

#[test]
fn backtest_csv_has_the_documented_columns_only() {
    let o = memcycle(&["backtest", "--from", "2022", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next(),
        Some("series,year,observed,projected,error_pct")
    );
    for series in [
        "shipments.smartphone",
        "dram_eb",
        "nand_eb",
        "dram_revenue",
        "nand_revenue",
    ] {
        assert!(text.contains(&format!("\n{series},2023,")), "{series}");
    }
    // Every row is a year: the MAPE is in the table and JSON (a `mape` row put text in the
    // year column), and the rolling CSV is one table (it printed two).
    assert!(
        text.lines().skip(1).all(|l| l
            .split(',')
            .nth(1)
            .is_some_and(|y| y.parse::<i32>().is_ok())),
        "{text}"
    );
    let rolling = stdout(&memcycle(&[
        "backtest",
        "--rolling",
        "2015..2017",
        "--format",
        "csv",
    ]));
    assert!(
        !rolling.contains("\n\n") && !rolling.contains("skill"),
        "{rolling}"
    );
    assert!(
        rolling.lines().skip(1).all(|l| l.split(',').count() == 8),
        "{rolling}"
    );
}

#[test]
fn backtest_years_are_checked() {
    let o = memcycle(&["backtest", "--from", "2022", "--to", "2021"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .starts_with("backtest --from 2022 --to 2021: expected --from between 2015 and 2024"),
        "{}",
        stderr(&o)
    );
    let o = memcycle(&["backtest", "--from", "2001"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("backtest --from 2001 --to 2025: expected"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn market_needs_supply_data() {
    let o = memcycle(&["market", "--data", "tests/fixtures/tiny"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no market"), "{}", stderr(&o));
}

#[test]
fn rolling_backtest_refuses_bad_ranges_with_a_clear_message() {
    for args in [
        &["backtest", "--rolling", "2010..2012"][..],
        &["backtest", "--rolling", "2022..2018"],
        &["backtest", "--rolling", "2015..2025"],
    ] {
        let o = memcycle(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).contains("expected origins from 2015 to 2024"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    // A horizon outside 1-50 is a usage error, refused before any work.
    let o = memcycle(&["backtest", "--rolling", "2015..2020", "--horizon", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("0 is not in 1..=50"), "{}", stderr(&o));
    let o = memcycle(&["backtest", "--rolling", "2015-2020"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("expected FIRST..LAST"),
        "{}",
        stderr(&o)
    );
    let o = memcycle(&["backtest", "--rolling", "2015..2022", "--format", "json"]);
    assert!(o.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(json["skills"].as_array().map(Vec::len), Some(9));
}

/// Every output says what it was run with: the scenario by name and the overrides.
#[test]
fn outputs_record_the_scenario_and_overrides() {
    let o = memcycle(&["project", "--scenario", "ai-boom", "--set", "horizon=2030"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Run with scenario \"AI boom\" (ai-boom); --set horizon=2030\n"),
        "{}",
        stdout(&o)
    );
    // CSV stays one header and rows (Python's csv module and pandas read a `#` line as the
    // header); the scenario is named in the table's title and in JSON.
    let o = memcycle(&["market", "--scenario", "ai-boom", "--format", "csv"]);
    assert!(stdout(&o).starts_with("year,memory,"), "{}", stdout(&o));
    let o = memcycle(&["project", "--format", "json", "--set", "horizon=2030"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(json["scenario"], serde_json::Value::Null);
    assert_eq!(json["overrides"][0]["id"], "horizon");
    assert_eq!(json["overrides"][0]["value"], 2030.0);
    // The baseline without overrides keeps a plain CSV.
    let o = memcycle(&["project", "--format", "csv"]);
    assert!(stdout(&o).starts_with("year,segment,"));
}

#[test]
fn a_misspelt_scenario_gets_a_suggestion() {
    let o = memcycle(&["project", "--scenario", "ai-bom"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no such scenario or file; did you mean \"ai-boom\"?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn whole_number_parameters_refuse_fractions() {
    for (set, id) in [
        ("horizon=2040.5", "horizon"),
        ("dram.cut_start=2026.5", "dram.cut_start"),
        ("capacity_delay=1.5", "capacity_delay"),
    ] {
        let o = memcycle(&["project", "--set", set]);
        assert_eq!(o.status.code(), Some(1), "{set}");
        assert!(
            stderr(&o).contains(&format!("--set {id}="))
                && stderr(&o).contains("expected a whole number"),
            "{set}: {}",
            stderr(&o)
        );
    }
}

/// A --deck with problems is an error even when the output is piped (no explorer opens).
#[test]
fn a_bad_deck_is_an_error_whatever_the_output() {
    let o = memcycle(&["--deck", "tests/fixtures/no-such-deck.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(
            "tests/fixtures/no-such-deck.txt: cannot read the file: No such file or directory"
        ) && stderr(&o).contains("expected a deck file"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

/// Source ids resolve: `sources` lists every citation with the figures using it, and `params`
/// names the publisher and year instead of a bare id.
#[test]
fn sources_resolve_everywhere() {
    let o = memcycle(&["sources"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = stdout(&o);
    assert!(all.starts_with("292 of 292 sources"), "{all}");
    let o = memcycle(&["sources", "mkw_elasticity"]);
    let card = stdout(&o);
    assert!(card.contains("publisher  MKW Ventures"), "{card}");
    assert!(
        card.contains("used by    market.dram.price_elasticity"),
        "{card}"
    );
    let o = memcycle(&["params"]);
    let params = stdout(&o);
    assert!(
        params.contains("MKW Ventures Consulting (blog) (2019) [mkw_elasticity]"),
        "{params}"
    );
    assert!(!params.contains("source mkw_elasticity"));
    // A query that matches nothing is an error a script can see (it exited 0).
    let o = memcycle(&["sources", "no-such-thing"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no source matches"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn scenarios_verbose_shows_sources_and_settings() {
    let o = memcycle(&["scenarios", "--verbose"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Longer replacement cycles, AI plateaus, no production cut (longer-cycles)")
    );
    assert!(
        text.contains("  source: Strategy Analytics (Dec 2021)"),
        "{text}"
    );
    assert!(
        text.contains("  sets smartphone.replacement_cycle = 5"),
        "{text}"
    );
}

/// D3 of the fuzzing: under a file-size limit a write fails with exit status 1 instead of the
/// process dying of SIGXFSZ (status 153).
#[test]
fn a_file_size_limit_is_an_error_not_a_crash() {
    let out = std::env::temp_dir().join(format!("memcycle-xfsz-{}.txt", std::process::id()));
    let status = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 0; exec \"$0\" project > \"$1\"")
        .arg(env!("CARGO_BIN_EXE_memcycle"))
        .arg(&out)
        .status()
        .expect("run sh");
    let _ = std::fs::remove_file(&out);
    assert_eq!(status.code(), Some(1), "{status:?}");
}

/// One meaning of history: the year table of `project`, `market` and `backtest` give the same
/// industry figure for a history year (2022: DRAM 22.0 EB in the data, where the model's
/// reconstruction says 19.2), and say where it comes from.
#[test]
fn history_is_the_observed_figure_everywhere() {
    let project = stdout(&memcycle(&["project"]));
    let row = |text: &str, year: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(year))
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(row(&project, "2022")[1..3], ["obs", "22.00"], "{project}");
    let market = stdout(&memcycle(&["market"]));
    assert_eq!(row(&market, "2022")[1..3], ["obs", "22.0"], "{market}");
    let backtest = stdout(&memcycle(&[
        "backtest", "--from", "2021", "--format", "csv",
    ]));
    assert!(
        backtest
            .lines()
            .any(|l| l.starts_with("dram_eb,2022,22.000")),
        "{backtest}"
    );
    let csv = stdout(&memcycle(&["project", "--format", "csv"]));
    assert!(
        csv.contains("\n2022,industry,history,,,,,,,22.000,625.000\n"),
        "{csv}"
    );
}

/// Completions for each shell know the parameter ids (for `--set`) and the scenario names.
#[test]
fn completions_know_parameter_ids_and_scenarios() {
    for shell in ["bash", "zsh", "fish"] {
        let o = memcycle(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(text.contains("smartphone.replacement_cycle="), "{shell}");
        assert!(text.contains("ai-boom"), "{shell}: scenario names");
    }
    let man = stdout(&memcycle(&["man"]));
    assert!(
        man.contains(".TH memcycle 1") && man.contains("tornado"),
        "{man}"
    );
}

/// `--version` names the data; `share` prints a command line and a scenario that `--scenario -`
/// reads back from stdin.
#[test]
fn version_share_and_a_scenario_from_stdin() {
    let v = stdout(&memcycle(&["--version"]));
    assert!(
        v.starts_with("memcycle ") && v.contains("(data: memcycle built-in data (2010-2025))"),
        "{v}"
    );
    let shared = share_round_trip(&["--set", "smartphone.replacement_cycle=5"]);
    assert!(
        shared.contains("# memcycle --set smartphone.replacement_cycle=5\n"),
        "{shared}"
    );
}

/// `memcycle share` with `settings`, piped back into `project --scenario -`: the same numbers
/// as `project` with the settings (the run-info comment names the scenario differently).
/// Returns the shared text.
fn share_round_trip(settings: &[&str]) -> String {
    let shared = stdout(&memcycle(&[&["share"], settings].concat()));
    let piped = common::memcycle_with_stdin(
        &["project", "--scenario", "-", "--format", "csv"],
        shared.as_bytes(),
    );
    assert!(piped.status.success());
    let direct = stdout(&memcycle(
        &[&["project"], settings, &["--format", "csv"]].concat(),
    ));
    assert_eq!(
        common::data_rows(&String::from_utf8_lossy(&piped.stdout)),
        common::data_rows(&direct)
    );
    shared
}

/// The configuration file sets defaults the command line can override; `config` shows where
/// each value comes from; a wrong key is located to its line and column.
#[test]
fn config_file_sets_defaults_and_errors_are_located() {
    let o = memcycle(&["--config", "tests/fixtures/config/good.toml", "config"]);
    assert!(o.status.success());
    let text = stdout(&o);
    for line in [
        "theme          light",
        "marker         halfblock",
        "base_year      2022",
        "horizon        2030",
        "chart          nand",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    assert!(text.contains("tests/fixtures/config/good.toml"), "{text}");
    let p = stdout(&memcycle(&[
        "project",
        "--config",
        "tests/fixtures/config/good.toml",
    ]));
    assert!(p.contains("history to 2022 and projection to 2030"), "{p}");
    let p = stdout(&memcycle(&[
        "project",
        "--config",
        "tests/fixtures/config/good.toml",
        "--base-year",
        "2024",
    ]));
    assert!(p.contains("history to 2024"), "the command line wins: {p}");
    let o = memcycle(&[
        "--config",
        "tests/fixtures/config/unknown_key.toml",
        "project",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("tests/fixtures/config/unknown_key.toml:3:1: unknown key `colour`"),
        "{}",
        stderr(&o)
    );
}

/// The year in progress: its figures are estimates. `--base-year 2026` projects from them and
/// says so; backtests compare with them only when asked and say so; rolling backtests never
/// score them.
#[test]
fn estimates_of_the_year_in_progress_are_labelled_and_scored_only_when_asked() {
    let o = memcycle(&["project", "--base-year", "2026"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("history to 2026 (2026: estimates)"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("2026  est")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("2025  obs")), "{out}");

    let o = memcycle(&["backtest", "--from", "2025"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("add --with-estimates"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());

    let o = memcycle(&["backtest", "--from", "2025", "--with-estimates"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "Backtest: projected from 2025 with the data known then, compared with 2026 (2026: estimates of the year in progress, compared as asked)"
        ),
        "{out}"
    );
    assert!(
        out.contains("shipments.smartphone  2026   1084.90"),
        "{out}"
    );

    // Rolling origins up to 2024 score three years ahead up to 2025 only.
    let o = memcycle(&["backtest", "--rolling", "2022..2024", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !stdout(&o).lines().any(|l| l.contains(",2026,")),
        "{}",
        stdout(&o)
    );
}

/// `share` keeps the base year: the command line and the scenario file both carry it, and the
/// shared text piped back projects from that year (it projected from the default before).
#[test]
fn share_keeps_the_base_year() {
    let shared = share_round_trip(&[
        "--base-year",
        "2019",
        "--set",
        "smartphone.replacement_cycle=4",
    ]);
    assert!(
        shared.contains("# memcycle --base-year 2019 --set smartphone.replacement_cycle=4\n"),
        "{shared}"
    );
    assert!(shared.contains("\nbase_year = 2019\n"), "{shared}");
    // At the default base year nothing extra is written.
    let plain = stdout(&memcycle(&[
        "share",
        "--set",
        "smartphone.replacement_cycle=4",
    ]));
    assert!(
        !plain.contains("base_year") && !plain.contains("--base-year"),
        "{plain}"
    );
}

/// `bands --errors` and `--coverage` honour `--format csv|json`, and years they cannot use
/// are refused in their own words (they spoke of `backtest --rolling ... --horizon 5`, or
/// printed an empty table with exit 0).
#[test]
fn bands_errors_and_coverage_speak_csv_json_and_their_own_words() {
    let csv = stdout(&memcycle(&["bands", "--errors", "--format", "csv"]));
    assert!(
        csv.starts_with("year,series,p10,p50,p90\n2026,dram_eb,"),
        "{csv}"
    );
    let json = stdout(&memcycle(&["bands", "--errors", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "past errors");
    let cov = stdout(&memcycle(&[
        "bands",
        "--coverage",
        "2016..2018",
        "--draws",
        "20",
        "--format",
        "csv",
    ]));
    assert!(
        cov.starts_with("series,kind,years_ahead,inside,compared,share\n")
            && cov.contains("\ndram_eb,draws,1,"),
        "{cov}"
    );
    let cov = stdout(&memcycle(&[
        "bands",
        "--coverage",
        "2016..2018",
        "--draws",
        "20",
        "--format",
        "json",
    ]));
    let doc: serde_json::Value = serde_json::from_str(&cov).expect("JSON");
    assert_eq!(doc["base_years"], serde_json::json!([2016, 2018]));
    for (args, says) in [
        (
            &["bands", "--coverage", "2024..2015"][..],
            "bands --coverage 2024..2015",
        ),
        (
            &["bands", "--errors", "--base-year", "2015"][..],
            "bands --errors from 2015",
        ),
        (
            &["bands", "--errors", "--base-year", "2016"][..],
            "no past errors to fit",
        ),
    ] {
        let o = memcycle(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains(says) && !err.contains("backtest"),
            "{args:?}: {err}"
        );
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

/// The configuration's horizon is a default: a scenario's own horizon wins over it (it used
/// to be slipped in as a `--set` after the scenario), and the explorer's name does not gain a
/// `+ --set` the user never typed. Directories in the file follow `~` and the file's own
/// directory, not wherever memcycle was started.
#[test]
fn config_values_are_defaults_and_its_paths_follow_the_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("config-defaults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "horizon = 2040\nexports_dir = \"~/slides\"\nscenarios_dir = \"mine\"\n",
    )
    .expect("config");
    let scenario = dir.join("short.toml");
    std::fs::write(
        &scenario,
        "name = \"Short\"\ndescription = \"A five-year look.\"\n\n[overrides]\n\"horizon\" = 2030\n",
    )
    .expect("scenario");
    let config_arg = config.display().to_string();
    let scenario_arg = scenario.display().to_string();
    let p = stdout(&memcycle(&[
        "project",
        "--config",
        &config_arg,
        "--scenario",
        &scenario_arg,
    ]));
    assert!(
        p.contains("projection to 2030"),
        "the scenario's horizon wins: {p}"
    );
    let p = stdout(&memcycle(&["project", "--config", &config_arg]));
    assert!(
        p.contains("projection to 2040"),
        "the configuration's applies: {p}"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["--config", &config_arg, "config"])
        .env("HOME", "/home/ann")
        .output()
        .expect("run memcycle");
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("/home/ann/slides"), "{shown}");
    assert!(
        shown.contains(&dir.join("mine").display().to_string()),
        "{shown}"
    );
}

/// Out-of-range years in the configuration file are located in it (they were blamed on a
/// `--base-year` the user never typed, without file, line or column), and `memcycle config`
/// refuses them too; a base year typed on the command line replaces the file's.
#[test]
fn config_years_out_of_range_are_located_in_the_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("config-years-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("config.toml");
    std::fs::write(&file, "theme = \"dark\"\nbase_year = 1999\n").expect("config");
    let arg = file.display().to_string();
    for args in [
        &["--config", &arg, "config"][..],
        &["--config", &arg, "project"][..],
    ] {
        let o = memcycle(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with(&format!(
                "{arg}:2:13: base_year = 1999 is outside the history"
            )),
            "{err}"
        );
        assert!(!err.contains("--base-year"), "{err}");
    }
    let o = memcycle(&["--config", &arg, "project", "--base-year", "2019"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A parameter given twice with `--set` is refused with both values (the last one silently
/// won), in the commands and in backtests.
#[test]
fn a_repeated_set_is_refused() {
    for args in [
        &["project", "--set", "horizon=2030", "--set", "horizon=2031"][..],
        &[
            "backtest",
            "--from",
            "2020",
            "--set",
            "dram.supply_growth=10",
            "--set",
            "dram.supply_growth=12",
        ][..],
    ] {
        let o = memcycle(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("given twice") && err.contains("expected each parameter once"),
            "{err}"
        );
        assert!(stdout(&o).is_empty());
    }
}

/// Tables name their kind column (`obs`, `est`, `model`, `proj` had no header), and
/// `chart --out` says which directories it made.
#[test]
fn tables_name_the_kind_column_and_chart_says_what_it_made() {
    for cmd in ["project", "market"] {
        let out = stdout(&memcycle(&[cmd]));
        assert!(
            out.lines().any(|l| l.starts_with("year  kind  ")),
            "{cmd}:\n{out}"
        );
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("chart-dirs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let target = dir.join("new").join("x.svg");
    let o = memcycle(&["chart", "--out", &target.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("(created {})", dir.join("new").display())),
        "{}",
        stdout(&o)
    );
}
