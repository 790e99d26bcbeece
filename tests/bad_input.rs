//! Every kind of bad data gives `path:line:column: what is wrong and what was expected`, all
//! problems in one run where possible, a non-zero exit status, and no panic.

mod common;

use std::path::Path;
use std::process::Command;

fn fixture(case: &str) -> String {
    format!("tests/fixtures/bad/{case}")
}

/// Runs `memcycle check --data <fixture>` and returns (exit code, stdout, stderr).
fn check(case: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["check", "--data", &fixture(case)])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run memcycle");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that checking `case` fails with exactly these problem lines (in order).
fn assert_problems(case: &str, expected: &[&str]) {
    let (code, stdout, stderr) = check(case);
    assert_eq!(code, 1, "exit status for {case}\n{stderr}");
    assert!(stdout.is_empty(), "nothing on stdout for {case}: {stdout}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    let file = format!("{}/devices.toml", fixture(case));
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&file)).collect();
    let expected: Vec<String> = expected.iter().map(|e| format!("{file}:{e}")).collect();
    assert_eq!(lines, expected, "problems for {case}");
}

#[test]
fn malformed_toml() {
    assert_problems(
        "malformed_toml",
        &["22:30: extra assignment between key-value pairs; expected `,`"],
    );
}

#[test]
fn unknown_key() {
    let (_, _, stderr) = check("unknown_key");
    assert!(
        stderr.starts_with(&format!(
            "{}/devices.toml:13:1: unknown key `colour`; expected one of `id`, `label`",
            fixture("unknown_key")
        )),
        "{stderr}"
    );
}

#[test]
fn wrong_type() {
    assert_problems(
        "wrong_type",
        &["14:27: wrong type: string \"two\"; expected a number"],
    );
}

#[test]
fn negative_value() {
    assert_problems(
        "negative_value",
        &["22:61: phone.shipments 2013: value -125 is invalid; expected a number >= 0"],
    );
}

#[test]
fn non_finite_value() {
    assert_problems(
        "non_finite_value",
        &["27:31: phone.replacement_cycle 2017: value NaN is invalid; expected a finite number"],
    );
}

#[test]
fn gap_in_history() {
    assert_problems(
        "gap_in_history",
        &[
            "22:68: phone.shipments has a gap: no value for 2014 between 2013 and 2015; expected one value for every year",
        ],
    );
}

/// A device segment without its required figures: each is named at the segment, with the line
/// that would supply it, before the problems of the figures it has.
#[test]
fn missing_required_fields() {
    let expected = |field: &str, unit: &str| {
        format!(
            "10:1: segment \"phone\" has no `{field}`; expected {field} = {{ value = <number>, unit = \"{unit}\", source = \"<id>\" }}"
        )
    };
    assert_problems(
        "missing_fields",
        &[
            &expected("weibull_shape", "1"),
            &expected("initial_installed_base", "million units"),
            &expected("long_run_growth", "% per year"),
            "19:68: phone.shipments has a gap: no value for 2014 between 2013 and 2015; expected one value for every year",
        ],
    );
}

#[test]
fn missing_unit() {
    assert_problems(
        "missing_unit",
        &["29:1: phone.dram_gb has no unit; expected unit = \"GB\""],
    );
}

#[test]
fn missing_source() {
    assert_problems(
        "missing_source",
        &[
            "36:19: phone.nand_gb 2010 has no source; expected source = \"<id from [sources]>\"",
            "36:31: phone.nand_gb 2017 has no source; expected source = \"<id from [sources]>\"",
        ],
    );
}

#[test]
fn default_out_of_range() {
    assert_problems(
        "default_out_of_range",
        &[
            "116:11: parameter \"phone.base_growth\": default 55 is outside the range; expected a value between min -20 and max 40",
        ],
    );
}

#[test]
fn unknown_segment() {
    assert_problems(
        "unknown_segment",
        &[
            "141:1: parameter \"bx.base_growth\" names unknown segment \"bx\"; did you mean \"box\"?; expected one of: phone, box, other",
            " no range for parameter \"box.base_growth\"; expected a table [params.\"box.base_growth\"] with min, max, step, low and high",
            // A parameter without a range concerns the file as a whole: no line or column.
        ],
    );
}

#[test]
fn several_problems_are_all_reported_in_one_run() {
    assert_problems(
        "several_problems",
        &[
            "22:61: phone.shipments 2013: value -125 is invalid; expected a number >= 0",
            "29:1: phone.dram_gb has no unit; expected unit = \"GB\"",
            "69:10: box.nand_gb cites unknown source \"made_upp\"; did you mean \"made_up\"?",
        ],
    );
}

#[test]
fn missing_directory_names_the_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["project", "--data", "no/such/dir"])
        .output()
        .expect("run memcycle");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with(&format!(
            "{}: cannot read the file",
            Path::new("no/such/dir").join("devices.toml").display()
        )),
        "{stderr}"
    );
}

#[test]
fn the_good_fixture_checks_ok() {
    let out = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["check", "--data", "tests/fixtures/tiny"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run memcycle");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok\n"));
}

/// D1 of the fuzzing: an unbounded range (horizon max 1e12) used to pass `check` and abort a
/// projection on allocation; it is refused where it is written.
#[test]
fn unbounded_range() {
    assert_problems(
        "unbounded_range",
        &[
            "94:7: parameter \"horizon\": range 2016..1000000000000 is not physical; expected numbers within ±1000000",
            "95:8: parameter \"horizon\": 999999997984 steps from min to max; expected at most 100000",
        ],
    );
}

/// D6 of the fuzzing: invalid UTF-8 is located to its line and column.
#[test]
fn invalid_utf8() {
    assert_problems(
        "invalid_utf8",
        &["12:12: byte 0xFF is not UTF-8; expected UTF-8 text"],
    );
}

/// D2 of the fuzzing: text from a data file never reaches the terminal as an escape sequence.
#[test]
fn escape_sequences_are_never_printed() {
    let (code, stdout, stderr) = check("escape_in_unit");
    assert_eq!(code, 1);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}') && !stdout.contains('\u{1b}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("has unit \"]0;pwned\"; expected \"million units\""),
        "{stderr}"
    );
}

/// Minor finding of the fuzzing: a broken or looping `supply.toml` link used to count as
/// "absent" (`check` said ok); it is an error naming the file.
#[test]
fn dangling_or_looping_supply_links_are_errors() {
    for (case, why) in [
        ("dangling_supply", "No such file or directory"),
        ("looping_supply", "Too many levels of symbolic links"),
    ] {
        let (code, stdout, stderr) = check(case);
        assert_eq!(code, 1, "{case}: {stdout}{stderr}");
        assert!(
            stderr.starts_with(&format!(
                "{}/supply.toml: cannot read the file: {why}",
                fixture(case)
            )),
            "{case}: {stderr}"
        );
    }
}

/// Minor finding of the fuzzing: a FIFO as `supply.toml` blocked `check` forever (and a FIFO as
/// a deck blocked the explorer's start); both are refused as not regular files.
#[test]
fn a_fifo_is_refused_not_read() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fifo_supply");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny/devices.toml"),
        dir.join("devices.toml"),
    )
    .expect("copy devices.toml");
    let fifo = dir.join("supply.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args(args)
            .output()
            .expect("run memcycle")
    };
    let dir_arg = dir.display().to_string();
    let out = run(&["check", "--data", &dir_arg]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("supply.toml: cannot read the file: it is not a regular file"),
        "{stderr}"
    );
    let out = run(&["--deck", &fifo.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("it is not a regular file"), "{stderr}");
}

/// Minor finding of the fuzzing: absurd finite figures (`long_run_dram_growth = 1e308`) passed
/// validation and printed NaN and inf; each unit has a physical limit now.
#[test]
fn absurd_values_are_refused_where_written() {
    assert_problems(
        "absurd_value",
        &[
            "14:27: phone.weibull_shape: value 50000 is invalid; expected a number within ±1000 (larger is not physical)",
            "16:34: phone.long_run_dram_growth: value 1e308 is invalid; expected a number within ±1000 % per year (larger is not physical)",
        ],
    );
}

/// Goal seek takes finite targets only: NaN, infinities and absurd magnitudes are refused
/// before any work (they used to "find" a value, print "reaches ;" or a 309-digit number).
#[test]
fn goal_seek_refuses_targets_that_are_not_finite() {
    for target in ["nan", "inf", "-inf", "1e308"] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args([
                "seek",
                "--param",
                "smartphone.replacement_cycle",
                "--output",
                "dram_growth",
                &format!("--target={target}"),
            ])
            .output()
            .expect("run memcycle");
        assert_eq!(o.status.code(), Some(2), "{target}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("expected a finite number"), "{target}: {err}");
        assert!(o.stdout.is_empty());
    }
}

/// Numeric arguments are bounded before any work: a rolling horizon of 2,147,481,633 years
/// once spun for 430 s (the year arithmetic overflowed); now it is refused at once, like
/// years outside 1900-2200.
#[test]
fn absurd_numeric_arguments_are_refused_at_once() {
    for args in [
        &[
            "backtest",
            "--rolling",
            "2015..2015",
            "--horizon",
            "2147481633",
        ][..],
        &["backtest", "--rolling", "2015..99999"][..],
        &["project", "--base-year", "99999"][..],
        &["tornado", "--year", "-2147483648"][..],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run memcycle");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break s;
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                panic!("{args:?} still running after 20 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}

/// Invalid UTF-8 piped into `--scenario -` is located like a file's (it said only "stream did
/// not contain valid UTF-8").
#[test]
fn invalid_utf8_on_standard_input_is_located() {
    let o = common::memcycle_with_stdin(
        &["project", "--scenario", "-"],
        b"name = \"x\"\ndescription = \"ab\xffc\"\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("<stdin>:2:18:") && err.contains("byte 0xFF is not UTF-8"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

/// clap's own errors no longer echo bidirectional or zero-width characters the user (or a
/// pasted command) typed: they are stripped as on every other error path.
#[test]
fn argument_errors_strip_invisible_characters() {
    for arg in [
        "--set=\u{202e}horizon=1e999",
        "--bogus\u{200b}",
        "--base-year=20\u{2066}19",
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args(["project", arg])
            .output()
            .expect("run memcycle");
        assert_eq!(o.status.code(), Some(2), "{arg:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("error:"), "{err}");
        assert!(
            !err.chars().any(|c| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{arg:?}: {err:?}"
        );
    }
}

/// A data file past 8 MB is refused at once with its size (a 52 MB devices.toml froze the
/// explorer for 6 s and took 2 GB); so is a scenario that large on standard input.
#[test]
fn oversized_files_are_refused_at_once() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("oversized-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut text = String::from("[dataset]\ntitle = \"big\"\n");
    while text.len() < 9_000_000 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(dir.join("devices.toml"), &text).expect("write");
    let started = std::time::Instant::now();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["check", "--data"])
        .arg(&dir)
        .output()
        .expect("run memcycle");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("devices.toml") && err.contains("at most 8 MB"),
        "{err}"
    );
    eprintln!("refused in {:?}", started.elapsed());
    let o = common::memcycle_with_stdin(&["project", "--scenario", "-"], text.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("more than 8 MB"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `--watch` notices a change of permissions: after `chmod 000` then `chmod 644` the
/// "Permission denied" panel stayed until the file was touched.
#[cfg(unix)]
#[test]
fn the_watch_sees_permission_changes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("watch-perm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("devices.toml");
    std::fs::write(&file, "[dataset]\ntitle = \"x\"\n").expect("write");
    let mut w = memcycle::tui::io::watch::DataWatch::new(dir.clone());
    assert!(!w.changed());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    assert!(w.changed(), "chmod 000 is noticed");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    assert!(w.changed(), "chmod 644 is noticed");
    assert!(!w.changed());
}

/// Writing files: `chart --out` through a symbolic link replaces the file it points to and
/// keeps the link; an existing 0600 file stays 0600; a parent path that is a file is said in
/// words; output that cannot be written (a full device) is reported on standard error.
#[cfg(unix)]
#[test]
fn writes_follow_links_keep_permissions_and_say_what_failed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("writes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let real = dir.join("real.svg");
    std::fs::write(&real, "old").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.join("link.svg");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let chart = |out: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .arg("chart")
            .arg("--out")
            .arg(out)
            .output()
            .expect("run memcycle")
    };
    let o = chart(&link);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    let written = std::fs::read_to_string(&real).expect("the target");
    assert!(
        written.starts_with("<svg") || written.starts_with("<?xml"),
        "{}",
        &written[..40.min(written.len())]
    );
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the file keeps its permissions");

    let blocker = dir.join("plain-file");
    std::fs::write(&blocker, "x").expect("write");
    let o = chart(&blocker.join("x.svg"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is not a directory") && !err.contains("os error 17"),
        "{err}"
    );

    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .arg("project")
            .stdout(full)
            .output()
            .expect("run memcycle");
        assert_eq!(o.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("cannot write the output"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    } else {
        eprintln!("/dev/full not found: that part skipped");
    }
}

/// A deck with several bad lines reports every one of them, each with its line (it stopped at
/// the first).
#[test]
fn a_bad_deck_reports_every_problem() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("deck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let deck = dir.join("deck.txt");
    std::fs::write(&deck, "baseline\nnosuch-one\nai-boom\nnosuch-two\n").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(["--deck", &deck.display().to_string()])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run memcycle");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let name = deck.display().to_string();
    assert!(err.contains(&format!("{name}:2:1: nosuch-one")), "{err}");
    assert!(err.contains(&format!("{name}:4:1: nosuch-two")), "{err}");
}

/// A default outside its own plausible range (given in the data or derived from it) is refused
/// by `memcycle check`, located at its range: sliders, the tornado and the bands all read the
/// plausible range around the default.
#[test]
fn default_outside_its_plausible_range() {
    assert_problems(
        "default_outside_plausible",
        &[
            "113:1: parameter \"phone.base_growth\": its default 10 (given in the data) is outside its plausible range -2..4; expected low and high that hold it",
        ],
    );
}
