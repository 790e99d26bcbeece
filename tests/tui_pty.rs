//! End to end: the real binary in a pseudo-terminal, driven with keys, read back through a
//! terminal emulator (vt100). These wait for screen content rather than sleeping.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary running in an 80x24 pseudo-terminal.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

/// A state directory of its own for each session, so that one test's kept session is never
/// restored in another.
fn fresh_state_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("memcycle-pty-state-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with_state(args, &fresh_state_dir())
    }

    /// The binary keeping its session in `state` (`XDG_STATE_HOME`).
    fn start_with_state(args: &[&str], state: &std::path::Path) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_memcycle"));
        cmd.args(args);
        cmd.env("XDG_STATE_HOME", state);
        Self::spawn(cmd)
    }

    /// An interactive bash (job control on) in the pseudo-terminal, to run memcycle from.
    fn shell() -> Self {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "$ ");
        cmd.env("XDG_STATE_HOME", fresh_state_dir());
        Self::spawn(cmd)
    }

    fn spawn(mut cmd: CommandBuilder) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn memcycle");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::default()));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = sink.lock() {
                    parser.process(&buf[..n]);
                }
            }
        });
        Self {
            child,
            writer,
            screen,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen satisfies `pred`; returns the screen and how long it took.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> (String, Duration) {
        let start = Instant::now();
        loop {
            let text = self.contents();
            if pred(&text) {
                return (text, start.elapsed());
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "memcycle did not exit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The explorer started, with the smartphone replacement cycle moved from 4.4 to 5.0 years.
    fn with_cycle_moved_to_five() -> Self {
        let mut s = Self::start(&[]);
        s.wait_for("the explorer", |t| {
            t.contains("Replacement cycle        4.4 y")
        });
        for _ in 0..6 {
            s.send("\x1b[C");
        }
        s.wait_for("the moved slider", |t| t.contains("● 5.0 y"));
        s
    }

    /// Ctrl-C: the explorer exits successfully and the terminal is restored.
    fn quit_at_once(&mut self) {
        self.send("\x03");
        assert!(self.wait_exit().success());
        self.assert_restored();
    }

    /// The terminal is back to normal: main screen, cursor shown, mouse reporting off.
    fn assert_restored(&self) {
        // Give the reader thread a moment to drain the last bytes.
        std::thread::sleep(Duration::from_millis(100));
        let parser = self.screen.lock().expect("screen");
        let s = parser.screen();
        assert!(!s.alternate_screen(), "alternate screen left");
        assert!(!s.hide_cursor(), "cursor shown");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture off"
        );
    }
}

fn readout(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with("DRAM "))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn arrow_keys_change_the_replacement_cycle_and_the_dram_readout() {
    let mut s = Session::start(&[]);
    let (screen, startup) = s.wait_for("the explorer", |t| {
        t.contains("Replacement cycle") && t.contains("DRAM ")
    });
    assert!(
        screen.contains("▶ Replacement cycle        4.4 y"),
        "{screen}"
    );
    let before = readout(&screen);
    eprintln!("startup to first screen: {startup:?}");

    let mut latencies = Vec::new();
    for expected in ["4.5 y", "4.6 y", "4.7 y"] {
        s.send("\x1b[C");
        let (_, took) = s.wait_for(expected, |t| t.contains(&format!("● {expected}")));
        latencies.push(took);
    }
    let (screen, _) = s.wait_for("a changed DRAM readout", |t| {
        readout(t) != before && t.contains("vs base")
    });
    assert!(
        readout(&screen).contains("Δ -"),
        "longer cycles lower DRAM demand: {}",
        readout(&screen)
    );
    eprintln!("keystroke-to-screen latency (pty, incl. 5 ms polling): {latencies:?}");

    // Unsaved changes: q asks first; Esc stays; q again quits.
    s.send("q");
    s.wait_for("the question", |t| {
        t.contains("has unsaved changes") && t.contains("quit anyway")
    });
    s.send("\x1b");
    s.wait_for("the explorer again", |t| !t.contains("has unsaved changes"));
    s.send("q");
    s.wait_for("the question", |t| t.contains("has unsaved changes"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn a_broken_data_dir_prints_the_error_and_exits_non_zero() {
    let mut s = Session::start(&["--data", "tests/fixtures/bad/negative_value"]);
    let status = s.wait_exit();
    let (screen, _) = s.wait_for("the error", |t| t.contains("value -125 is invalid"));
    assert!(
        screen.contains("tests/fixtures/bad/negative_value/devices.toml:22:61:"),
        "{screen}"
    );
    assert!(!status.success());
    assert_eq!(status.exit_code(), 1);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
}

#[test]
fn help_opens_and_escape_closes_it_then_ctrl_c_quits() {
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("?");
    s.wait_for("help", |t| t.contains("Esc or ? closes"));
    s.send("\x1b");
    s.wait_for("help closed", |t| !t.contains("Esc or ? closes"));
    s.quit_at_once();
}

#[test]
fn presentation_mode_steps_through_two_scenarios() {
    let mut s = Session::start(&["--scenarios-dir", "tests/fixtures/scenarios"]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("p");
    s.wait_for("presentation mode", |t| {
        t.contains("1/7 Baseline") && t.contains("scenario")
    });
    s.send("\x1b[C");
    let (screen, _) = s.wait_for("the second scenario", |t| {
        t.contains("2/7 Longer replacement cycles")
    });
    assert!(
        screen.contains("bear thesis"),
        "its description is shown:\n{screen}"
    );
    s.send("\x1b[C");
    s.wait_for("the third scenario", |t| t.contains("3/7 AI boom"));
    // The last slide is about the past: predict first, then o reveals a year at a time.
    s.send("\x1b[C\x1b[C\x1b[C\x1b[C");
    s.wait_for("the slide from 2022, its outcome hidden", |t| {
        t.contains("7/7 The 2023 production cuts") && t.contains("o reveals 2023")
    });
    s.send("o");
    s.wait_for("2023 revealed", |t| t.contains("o reveals 2024"));
    s.send("\x1b[D\x1b[D\x1b[D\x1b[D");
    s.wait_for("the third scenario again", |t| t.contains("3/7 AI boom"));
    s.send("p");
    s.wait_for("back to the explorer", |t| {
        t.contains("Sliders") && t.contains("AI boom")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Replay animates in the real loop: after `.` the slider shows the old value, then the values
/// in between and the new one again (in about 0.8 s), with no key pressed.
#[test]
fn replay_animates_in_the_real_loop() {
    let mut s = Session::with_cycle_moved_to_five();
    s.send(".");
    s.wait_for("the old value", |t| {
        t.contains("Replacement cycle        4.4 y")
    });
    let start = Instant::now();
    // No key is pressed from here: the loop ticks by itself, through the values in between.
    s.wait_for("a value in between", |t| {
        ["● 4.6 y", "● 4.7 y", "● 4.8 y"]
            .iter()
            .any(|v| t.contains(v))
    });
    s.wait_for("the new value again", |t| t.contains("● 5.0 y"));
    eprintln!("replay took {:?} (15 frames of 50 ms)", start.elapsed());
    s.quit_at_once();
}

/// Backtest mode keeps the sliders: moved, toggled in and out, they hold their value and the
/// key bar says so.
#[test]
fn backtest_toggle_keeps_the_slider_settings() {
    let mut s = Session::with_cycle_moved_to_five();
    s.send("t");
    // Waits for the whole frame: the title may arrive before the rest of it.
    s.wait_for("backtest mode with the slider kept and said so", |t| {
        t.contains("Backtest from 2022")
            && t.contains("● 5.0 y")
            && t.contains("changed slider is kept")
    });
    s.send("t");
    s.wait_for("back, with the slider kept", |t| {
        !t.contains("Backtest from")
            && t.contains("● 5.0 y")
            && t.contains("*modified")
            && t.contains("back to history to 2025")
    });
    s.quit_at_once();
}

#[test]
fn a_thousand_keys_in_one_write_are_all_applied_without_waiting_for_another() {
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    // 1,000 right arrows push the cycle to its maximum; the `?` after them must act at once,
    // not only when a further key arrives.
    let burst = format!("{}?", "\x1b[C".repeat(1000));
    s.send(&burst);
    s.wait_for("help after the burst", |t| t.contains("Esc or ? closes"));
    s.send("\x1b");
    s.wait_for("the cycle at its maximum", |t| t.contains("● 8.0 y"));
    s.quit_at_once();
}

/// Uncertainty bands come from a worker thread: `B` asks for them, the explorer keeps running,
/// and the probability of a shortage appears in the header when the 1,000 draws are done. The
/// latency is printed (`cargo test --test tui_pty -- --nocapture`), not asserted: speed is
/// measured in the benches.
#[test]
fn bands_arrive_from_the_worker() {
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("B");
    let (screen, took) = s.wait_for("the bands", |t| t.contains("P(short) "));
    assert!(
        screen.contains("P10–90"),
        "the legend names the band:\n{screen}"
    );
    eprintln!("bands appeared {} ms after B", took.as_millis());
    // A slider step (baseline off, so the stacked chart with its band stays at 80x24): the
    // bands of the old settings go at once, those of the new ones come from the worker.
    s.send("b");
    s.send("\x1b[C");
    let (_, took) = s.wait_for("bands for the new settings", |t| {
        t.contains("● 4.5 y") && t.contains("P10–90")
    });
    eprintln!("bands after a slider step: {} ms", took.as_millis());
    s.send("B");
    s.wait_for("bands off", |t| !t.contains("P(short"));
    s.quit_at_once();
}

/// Ctrl-Z gives the terminal back and stops the explorer the way job control expects
/// (SIGTSTP: bash reports it stopped); `fg` brings it back on screen. Run from an interactive
/// bash, as a session leader's own SIGTSTP would be discarded (orphaned process group).
#[test]
fn ctrl_z_suspends_and_fg_brings_it_back() {
    let mut s = Session::shell();
    s.wait_for("the prompt", |t| t.contains("$ "));
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_memcycle")));
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("\x1a");
    s.wait_for("bash's job report", |t| t.contains("Stopped"));
    s.send("fg\r");
    s.wait_for("the explorer again", |t| t.contains("Replacement cycle"));
    s.send("\x03");
    s.wait_for("the prompt after quitting", |t| {
        !t.contains("Replacement cycle") && t.trim_end().ends_with('$')
    });
    s.send("exit\r");
    let _ = s.wait_exit();
}

/// `--data DIR --watch`: an edit to the data shows at once (the DRAM readout changes), a broken
/// file leaves the last good data with its problem (file:line:column) in a panel, and fixing
/// it takes the panel away.
#[test]
fn watched_data_reloads_and_shows_problems_until_fixed() {
    let dir = std::env::temp_dir().join(format!("memcycle-watch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let devices = std::fs::read_to_string("data/devices.toml").expect("devices");
    let supply = std::fs::read_to_string("data/supply.toml").expect("supply");
    std::fs::write(dir.join("devices.toml"), &devices).expect("write");
    std::fs::write(dir.join("supply.toml"), &supply).expect("write");
    let mut s = Session::start(&["--data", dir.to_str().expect("path"), "--watch"]);
    let (screen, _) = s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    let before = readout(&screen);
    // 2025 DRAM bits 31.77 -> 40: the calibration, and so every projected year, moves.
    let edited = supply.replace("2025 = { value = 31.77,", "2025 = { value = 40.0,");
    assert_ne!(edited, supply, "the line to edit is there");
    std::fs::write(dir.join("supply.toml"), &edited).expect("edit");
    let (screen, _) = s.wait_for("the new data", |t| t.contains("data reloaded"));
    assert_ne!(readout(&screen), before, "{screen}");
    std::fs::write(dir.join("supply.toml"), format!("{edited}\nbroken = \n")).expect("break");
    let (screen, _) = s.wait_for("the problem", |t| t.contains("Data problems"));
    assert!(screen.contains("supply.toml:"), "located:\n{screen}");
    std::fs::write(dir.join("supply.toml"), &edited).expect("fix");
    s.wait_for("the panel gone", |t| !t.contains("Data problems"));
    s.quit_at_once();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Signals from outside that would end or stop the process leave the terminal as the shell
/// expects: SIGALRM ends it with the terminal restored (it left the alternate screen, mouse
/// capture and a hidden cursor), and a stop sent with `kill -TSTP` gives the terminal back
/// before stopping, then takes it again when continued.
#[test]
fn signals_from_outside_restore_the_terminal() {
    let kill = |signal: &str, pid: u32| {
        let ok = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(ok.success(), "kill {signal}");
    };
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    let pid = s.child.process_id().expect("pid");
    kill("-TSTP", pid);
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|st| {
                st.rsplit(')')
                    .next()
                    .map(|r| r.trim_start().starts_with('T'))
            })
    };
    let start = Instant::now();
    while stopped() == Some(false) && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(10));
    }
    s.assert_restored();
    kill("-CONT", pid);
    s.wait_for("the explorer again", |_| {
        s.screen.lock().is_ok_and(|p| p.screen().alternate_screen())
    });
    kill("-ALRM", pid);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
}

/// Sessions come back (issue 20 item 13): move a slider, choose the NAND chart and the year
/// 2030, pin, quit with Ctrl-C; the next start shows the same slider, chart, year and pin, and
/// says so; `--fresh` starts clean, and the kept session is still there afterwards.
#[test]
fn the_last_session_comes_back_and_fresh_starts_clean() {
    let state = fresh_state_dir();
    let mut s = Session::start_with_state(&[], &state);
    s.wait_for("the explorer", |t| {
        t.contains("Replacement cycle        4.4 y")
    });
    s.send("\x1b[C\x1b[C");
    s.wait_for("the moved slider", |t| t.contains("● 4.6 y"));
    s.send("2");
    for _ in 0..4 {
        s.send("]");
    }
    s.send("c");
    s.wait_for("NAND, 2030 and a pin", |t| {
        t.contains("[2030]") && t.contains("NAND demand") && t.contains("■ Baseline*")
    });
    s.quit_at_once();
    assert!(
        state.join("memcycle").join("session.toml").is_file(),
        "the session is kept under XDG_STATE_HOME"
    );

    let mut again = Session::start_with_state(&[], &state);
    let (screen, _) = again.wait_for("the restored session", |t| {
        t.contains("restored your last session")
    });
    assert!(screen.contains("● 4.6 y"), "{screen}");
    assert!(screen.contains("[2030]"), "{screen}");
    assert!(screen.contains("NAND demand"), "the chart: {screen}");
    assert!(screen.contains("■ Baseline*"), "the pin: {screen}");
    assert!(screen.contains("Baseline *modified"), "{screen}");
    again.quit_at_once();

    let mut clean = Session::start_with_state(&["--fresh"], &state);
    let (screen, _) = clean.wait_for("a clean start", |t| {
        t.contains("Replacement cycle        4.4 y")
    });
    assert!(!screen.contains("restored"), "{screen}");
    assert!(!screen.contains("[2030]"), "{screen}");
    clean.quit_at_once();
}

/// Bracketed paste reaches the prompt as typed text: a name pasted into the save prompt
/// (the loop turns the paste into one input message per character).
#[test]
fn a_pasted_name_lands_in_the_save_prompt() {
    let mut s = Session::start(&[]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("S");
    s.wait_for("the save prompt", |t| t.contains("Save scenario"));
    s.send("\x1b[200~Pasted bear case\x1b[201~");
    s.wait_for("the pasted name", |t| t.contains("Pasted bear case"));
    s.quit_at_once();
}

/// A handout written from the explorer opened on a scenario lists that scenario's sources, as
/// one loaded with `l` does (they were missing when it was named on the command line).
#[test]
fn the_handout_of_a_scenario_named_at_start_lists_its_sources() {
    let home = fresh_state_dir();
    let scenarios = home.join("scenarios");
    std::fs::create_dir_all(&scenarios).expect("make the scenarios directory");
    let dir = scenarios.to_string_lossy().into_owned();
    let mut s = Session::start(&["--scenarios-dir", &dir, "--scenario", "ai-boom"]);
    s.wait_for("the explorer", |t| t.contains("Replacement cycle"));
    s.send("E");
    s.wait_for("the handout written", |t| t.contains("wrote the handout"));
    s.quit_at_once();
    let written: Vec<_> = std::fs::read_dir(home.join("exports"))
        .expect("the exports directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let html = std::fs::read_to_string(&written[0]).expect("read the handout");
    assert!(
        html.contains("NVIDIA specs: B300 288 GB HBM3E per GPU"),
        "the scenario's sources are listed"
    );
    let _ = std::fs::remove_dir_all(&home);
}
