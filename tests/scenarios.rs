//! Scenario files: the built-ins, checking with file:line:column, listing, `--scenario`,
//! atomic saving and the round trip from the explorer to `--scenario FILE`.

mod common;

use memcycle::scenario::{BUILTIN, SaveError, Store, load_deck};
use memcycle::setup::Setup;
use memcycle::tui::Message;
use memcycle::tui::state::app::Overlay;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| Setup::load(None, None).expect("built-in data"))
}

fn memcycle(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run")
}

/// A fresh, empty directory under the target directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn every_builtin_scenario_is_valid_and_described() {
    let store = Store::new(None);
    for (id, _) in BUILTIN {
        // A scenario about the past is checked against the catalog of its own base year.
        let text = store.read(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        let at_its_year = text
            .base_year()
            .map(|y| Setup::new(memcycle::data::builtin().expect("data"), Some(y)).expect("setup"));
        let catalog = &at_its_year.as_ref().unwrap_or_else(|| setup()).catalog;
        let s = text.parse(catalog).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(s.builtin);
        assert!(
            s.description.split(". ").count() >= 1 && s.description.len() > 80,
            "{id} says what it assumes"
        );
        if id != "baseline" {
            assert!(!s.overrides.is_empty(), "{id}");
            assert!(!s.sources.is_empty(), "{id} cites its figures");
        }
    }
    // The stories are all there.
    let names: Vec<String> = store.list().into_iter().map(|e| e.name).collect();
    for wanted in [
        "Baseline",
        "Longer replacement cycles, AI plateaus, no production cut",
        "AI boom",
        "Production discipline",
        "PC refresh wave",
        "On-device AI",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted}");
    }
}

#[test]
fn scenarios_command_lists_ids_then_names() {
    let o = memcycle(&["scenarios", "--scenarios-dir", "tests/fixtures/scenarios"]);
    assert!(o.status.success());
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stdout));
}

#[test]
fn a_bad_scenario_names_file_line_and_column() {
    let o = memcycle(&["project", "--scenario", "tests/fixtures/scenarios/bad.toml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "tests/fixtures/scenarios/bad.toml:5:1: unknown parameter \"smartphone.replacment_cycle\"; expected a parameter id, closest: smartphone.replacement_cycle. `memcycle params` lists them all",
            "tests/fixtures/scenarios/bad.toml:6:26: \"pc.replacement_cycle\" = 30 is out of range; expected 1.5 to 10 (years)",
        ],
        "{err}"
    );
}

#[test]
fn unknown_scenario_lists_the_known_ones() {
    let o = memcycle(&["project", "--scenario", "ai-bom"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--scenario ai-bom: no such scenario or file; did you mean \"ai-boom\"?; expected a file or one of: baseline, longer-cycles, ai-boom"));
}

#[test]
fn scenario_works_for_every_headless_command_and_set_applies_on_top() {
    let ai = memcycle(&["project", "--format", "csv", "--scenario", "ai-boom"]);
    let base = memcycle(&["project", "--format", "csv"]);
    assert!(ai.status.success());
    assert_ne!(ai.stdout, base.stdout);
    let both = memcycle(&[
        "project",
        "--format",
        "csv",
        "--scenario",
        "ai-boom",
        "--set",
        "ai_server.base_growth=45",
    ]);
    // The numbers are the same (the first line records the run, which differs).
    let body = |o: &std::process::Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        body(&both),
        body(&ai),
        "--set with the scenario's own value changes nothing"
    );
    for args in [
        &["market", "--scenario", "production-discipline"][..],
        &["backtest", "--from", "2022", "--scenario", "pc-refresh"],
    ] {
        let o = memcycle(args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn saved_scenarios_round_trip_to_an_identical_projection() {
    let dir = temp_dir("roundtrip");
    let mut app = common::app(120, 40);
    app = app.with_store(Store::new(Some(dir.clone())));
    let cycle = common::index(&app, "smartphone.replacement_cycle");
    let cut = common::index(&app, "dram.production_cut");
    common::send(
        &mut app,
        &[
            Message::SelectIndex(cycle),
            Message::Step(3),
            Message::SelectIndex(cut),
            Message::BigStep(2),
            Message::OpenSave,
        ],
    );
    for c in "Room test".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    assert_eq!(*app.overlay(), Overlay::None);
    assert_eq!(app.scenario(), "Room test");
    let file = dir.join("room-test.toml");
    let text = std::fs::read_to_string(&file).expect("saved file");
    assert!(
        text.contains("[overrides]") && text.contains("\"smartphone.replacement_cycle\" = 4.7"),
        "{text}"
    );
    assert_eq!(
        text.matches(" = ").count(),
        4,
        "name, description and only the two changed parameters: {text}"
    );
    // Loaded back, as --scenario FILE does, it projects exactly the same.
    let s = setup()
        .scenario(&Store::new(None), file.to_str().unwrap())
        .expect("load");
    let params = setup().parameters_with(Some(&s), &[]).expect("params");
    assert!(
        setup().project(&params) == *app.projection(),
        "the loaded scenario projects differently"
    );
    // And by id from the scenarios directory, through the command line.
    let o = memcycle(&[
        "project",
        "--format",
        "csv",
        "--scenario",
        "room-test",
        "--scenarios-dir",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn saving_never_overwrites_a_builtin_and_asks_before_overwriting() {
    let dir = temp_dir("overwrite");
    let store = Store::new(Some(dir.clone()));
    assert_eq!(
        store.save("AI boom", "", &[], &[], false),
        Err(SaveError::BuiltIn("ai-boom".into()))
    );
    store
        .save("Mine", "first", &[], &[], false)
        .expect("first save");
    assert!(matches!(
        store.save("Mine", "second", &[], &[], false),
        Err(SaveError::Exists(_))
    ));
    // In the explorer: the question, then "y".
    let mut app = common::app(100, 30);
    app = app.with_store(store.clone());
    common::send(&mut app, &[Message::Step(1), Message::OpenSave]);
    for c in "mine".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    assert_eq!(
        *app.overlay(),
        Overlay::ConfirmOverwrite {
            name: "mine".into(),
            description:
                "Starting from \"Baseline\": Smartphones · Replacement cycle 4.40 -> 4.50 years."
                    .into()
        }
    );
    common::send(&mut app, &[Message::Confirm(true)]);
    assert_eq!(*app.overlay(), Overlay::None);
    assert!(
        std::fs::read_to_string(dir.join("mine.toml"))
            .unwrap()
            .contains("replacement_cycle")
    );
}

/// A failing save (the directory cannot be written) says why, writes nothing, and keeps the
/// unsaved settings on screen.
#[test]
fn a_failed_save_keeps_the_state_and_leaves_nothing_behind() {
    let root = temp_dir("failing");
    let blocker = root.join("not-a-directory");
    std::fs::write(&blocker, "a file where the directory should be").unwrap();
    let mut app = common::app(100, 30);
    app = app.with_store(Store::new(Some(blocker.join("scenarios"))));
    common::send(&mut app, &[Message::Step(2), Message::OpenSave]);
    let params = app.params().clone();
    for c in "lost".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    let status = app.status().clone().expect("a status message");
    assert!(
        status.error && status.text.starts_with("could not save"),
        "{}",
        status.text
    );
    assert_eq!(*app.params(), params);
    assert_eq!(app.scenario(), "Baseline");
    assert!(app.is_edited());
    assert_eq!(
        std::fs::read_dir(&root).unwrap().count(),
        1,
        "nothing half-written"
    );
}

/// Minor finding of the fuzzing: a scenarios directory that is a file said "File exists (os
/// error 17)".
#[test]
fn a_scenarios_dir_that_is_a_file_is_named() {
    let root = temp_dir("dir_is_file");
    let file = root.join("scenarios");
    std::fs::write(&file, "not a directory").unwrap();
    let err = Store::new(Some(file.clone()))
        .save("Mine", "", &[], &[], false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!(
            "{} is a file; expected a directory for saved scenarios",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

#[test]
fn saving_into_a_read_only_directory_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("readonly");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    if std::fs::write(&probe, "").is_ok() {
        // Running as root: permissions do not stop writes; the failing-directory test above
        // covers the same path.
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped: root ignores read-only permissions");
        return;
    }
    let err = Store::new(Some(dir.clone()))
        .save("Blocked", "", &[], &[], false)
        .unwrap_err();
    assert!(matches!(err, SaveError::Io { .. }), "{err}");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn decks_list_names_or_files_and_report_bad_lines() {
    let store = Store::new(Some("tests/fixtures/scenarios".into()));
    let text = std::fs::read_to_string("tests/fixtures/scenarios/deck.txt").unwrap();
    let deck = load_deck("deck.txt", &text, &store, &setup().catalog).expect("deck");
    let names: Vec<&str> = deck.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["AI boom", "Fixture: longer phone cycles", "Baseline"]
    );
    let err = load_deck("deck.txt", "ai-boom\nnope\n", &store, &setup().catalog).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "deck.txt:2:1: nope: no such scenario or file; expected a file or one of: baseline,"
        ),
        "a deck line is not a command-line option: {err}"
    );
}

/// The save prompt is a line editor, keeps what was typed when a name is refused, proposes a
/// name nobody has, keeps the loaded scenario's sources and says what changed.
#[test]
fn the_save_prompt_edits_proposes_and_keeps_sources() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = temp_dir("save-prompt");
    let mut app = common::app(120, 40);
    app = app.with_store(Store::new(Some(dir.clone())));
    // Load AI boom (it has sources) and move one slider.
    let ai = app
        .store()
        .load("ai-boom", &app.setup().catalog)
        .expect("ai-boom");
    assert!(!ai.sources.is_empty());
    common::send(&mut app, &[Message::OpenPicker]);
    let at = app
        .store()
        .list()
        .iter()
        .position(|e| e.id == "ai-boom")
        .unwrap();
    common::send(
        &mut app,
        &[Message::PickerMove(at as isize), Message::PickerChoose],
    );
    assert_eq!(app.scenario(), "AI boom");
    let i = common::index(&app, "smartphone.replacement_cycle");
    let before = app.value(i);
    common::send(&mut app, &[Message::SelectIndex(i), Message::Step(2)]);
    common::send(&mut app, &[Message::OpenSave]);
    let Overlay::Save { input, .. } = &app.overlay() else {
        panic!("the prompt is open")
    };
    assert_eq!(input, "AI boom 2", "a name no scenario has");
    // Ctrl-U clears the line (it used to type a literal "u").
    let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let msg = memcycle::tui::input::keymap::message(&app, &ctrl_u).expect("a message");
    common::send(&mut app, &[msg]);
    assert!(matches!(&app.overlay(), Overlay::Save { input, .. } if input.is_empty()));
    // A built-in name is refused, and the prompt keeps the text.
    for c in "AI boom".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    assert!(
        matches!(&app.overlay(), Overlay::Save { input, .. } if input == "AI boom"),
        "{:?}",
        app.overlay()
    );
    assert!(app.status().as_ref().is_some_and(|s| s.error));
    // Word delete, then a new name.
    common::send(
        &mut app,
        &[Message::Edit(
            memcycle::tui::input::message::Edit::DeleteWord,
        )],
    );
    for c in "room".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    assert_eq!(*app.overlay(), Overlay::None, "{:?}", app.status());
    let text = std::fs::read_to_string(dir.join("ai-room.toml")).expect("saved");
    assert!(text.contains("sources = ["), "the sources are kept: {text}");
    assert!(
        text.contains(&format!(
            "Starting from \"AI boom\": Smartphones · Replacement cycle {before:.2} -> {:.2} years",
            before + 0.2
        )),
        "the description says what changed: {text}"
    );
    assert!(!text.contains("Saved from memcycle on"));
    assert!(text.contains("\"ai_server.base_growth\" = 45"), "{text}");
}

/// D4 and D5 of the fuzzing: temporary files of a dead writer are removed and never listed; a
/// saved `Mine.toml` is listed as `mine` and loads as `mine`.
#[test]
fn stale_temp_files_go_and_ids_match_whatever_the_case() {
    let dir = temp_dir("stale");
    // A pid that cannot be alive (above the kernel's pid_max).
    std::fs::write(dir.join(".mine.toml.4194305.tmp"), "half").expect("write");
    // Our own pid is alive: its temp file stays.
    let live = dir.join(format!(".other.toml.{}.tmp", std::process::id()));
    std::fs::write(&live, "writing").expect("write");
    std::fs::write(
        dir.join("Mine.toml"),
        "name = \"Mine\"\ndescription = \"\"\n\n[overrides]\n\"pc.replacement_cycle\" = 6.0\n",
    )
    .expect("write");
    let store = Store::new(Some(dir.clone()));
    assert_eq!(store.remove_stale_temp_files(), 1);
    assert!(!dir.join(".mine.toml.4194305.tmp").exists());
    assert!(live.exists());
    let ids: Vec<String> = store.list().into_iter().map(|e| e.id).collect();
    assert!(ids.contains(&"mine".to_owned()), "{ids:?}");
    assert!(!ids.iter().any(|i| i.contains("tmp")), "{ids:?}");
    let s = store
        .load("mine", &setup().catalog)
        .expect("loads as listed");
    assert_eq!(s.name, "Mine");
}

/// Saved scenario files with hostile names: completion scripts never carry a name a shell
/// would run or choke on (a file named `$(touch pwned).toml` ran `touch` when bash completed
/// `--scenario`), and a file named `-.toml` is listed and loaded by its path, never as `-`
/// (standard input: choosing it in the picker froze the explorer reading the terminal).
#[test]
fn hostile_scenario_file_names_are_harmless() {
    let home = temp_dir("hostile-names");
    let dir = home.join("memcycle").join("scenarios");
    std::fs::create_dir_all(&dir).expect("dir");
    for (file, name) in [
        ("$(touch pwned).toml", "x"),
        ("a\"b.toml", "q"),
        ("ok-one.toml", "ok"),
        ("-.toml", "dash"),
    ] {
        std::fs::write(
            dir.join(file),
            format!("name = \"{name}\"\ndescription = \"y\"\n"),
        )
        .expect("write");
    }
    for shell in ["bash", "zsh", "fish"] {
        let o = Command::new(env!("CARGO_BIN_EXE_memcycle"))
            .args(["completions", shell])
            .env("XDG_DATA_HOME", &home)
            .env("HOME", &home)
            .output()
            .expect("run memcycle");
        assert!(o.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&o.stdout);
        assert!(script.contains("ok-one"), "{shell}: the safe id is offered");
        assert!(
            !script.contains("pwned") && !script.contains("a\"b"),
            "{shell}"
        );
        if shell == "bash" {
            let file = home.join("completion.bash");
            std::fs::write(&file, script.as_bytes()).expect("write script");
            match Command::new("bash").arg("-n").arg(&file).output() {
                Ok(check) => assert!(check.status.success(), "bash -n: {check:?}"),
                Err(_) => eprintln!("bash not found: syntax check skipped"),
            }
        }
    }
    let store = Store::new(Some(dir.clone()));
    let dash = store
        .list()
        .into_iter()
        .find(|e| e.name == "dash")
        .expect("listed");
    assert_ne!(dash.id, "-");
    let s = store
        .load(&dash.id, &setup().catalog)
        .expect("loads the file");
    assert_eq!(s.name, "dash");
}

/// A default outside its own plausible range puts both tornado ends on one side of it and
/// leaves goal seek unable to reach it: every built-in default lies inside its range, at
/// every base year the explorer offers.
#[test]
fn every_builtin_default_lies_in_its_plausible_range() {
    let mut outside = Vec::new();
    for year in [None, Some(2026)] {
        let setup = Setup::load(None, year).expect("built-in data");
        for s in setup.catalog.specs() {
            if !(s.low..=s.high).contains(&s.default) {
                outside.push(format!(
                    "{:?}: {} default {} outside {}..{}",
                    year, s.id, s.default, s.low, s.high
                ));
            }
        }
    }
    assert!(outside.is_empty(), "{}", outside.join("\n"));
}

/// The save prompt asks for a description too: it starts as the list of changes, Tab moves to
/// it, and what is typed there is what the file says.
#[test]
fn the_save_prompt_takes_a_description() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = temp_dir("described");
    let mut app = common::app(120, 40).with_store(Store::new(Some(dir.clone())));
    common::send(&mut app, &[Message::Step(1), Message::OpenSave]);
    for c in "Told".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    let screen = common::text(&common::draw(&app));
    assert!(screen.contains("Description: "), "{screen}");
    let tab = Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    let msg =
        memcycle::tui::input::keymap::message(&app, &tab).expect("Tab moves to the description");
    let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let clear = memcycle::tui::input::keymap::message(&app, &ctrl_u).expect("a message");
    common::send(&mut app, &[msg, clear]);
    for c in "Phones kept longer, as the room argued".chars() {
        common::send(&mut app, &[Message::Input(c)]);
    }
    common::send(&mut app, &[Message::Submit]);
    assert_eq!(*app.overlay(), Overlay::None);
    let text = std::fs::read_to_string(dir.join("told.toml")).expect("saved file");
    assert!(
        text.contains("description = \"Phones kept longer, as the room argued\""),
        "{text}"
    );
}
