//! Helpers shared by the explorer tests.
#![allow(dead_code)]

use memcycle::setup::Setup;
use memcycle::tui::App;
use memcycle::tui::Effect;
use memcycle::tui::Message;
use memcycle::tui::Theme;
use memcycle::tui::event;
use memcycle::tui::layout::ScreenLayout;
use memcycle::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use ratatui::symbols::Marker;

/// An explorer on the built-in data at `width` x `height`, without colour.
pub fn app(width: u16, height: u16) -> App {
    let setup = Setup::load(None, None).expect("built-in data");
    let params = setup.catalog.baseline().clone();
    let mut app = App::new(
        setup,
        params,
        "Baseline",
        Theme::new(false, Marker::Braille),
    );
    let _ = update(&mut app, Message::Resize(Size::new(width, height)));
    app
}

/// Applies messages in order.
/// Applies `msgs` in order and performs the file effects (export, handout) the way the loop
/// does; returns the effects only a terminal can perform (clipboard, quitting), in order.
pub fn send(app: &mut App, msgs: &[Message]) -> Vec<Effect> {
    let mut left = Vec::new();
    for m in msgs {
        for effect in update(app, *m) {
            match event::write_files(app, &effect) {
                Some(written) => left.extend(update(app, written)),
                None => left.push(effect),
            }
        }
    }
    left
}

/// Draws the app into a buffer of its size.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size().width, app.size().height))
        .expect("test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces kept so widths are visible.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            // A non-breaking space (legend labels keep their words together) shows as a space.
            out.push_str(if symbol == "\u{a0}" { " " } else { symbol });
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Loads the scenario `id` (built-in or saved) through the picker, as a user would.
pub fn pick(a: &mut App, id: &str) {
    send(a, &[Message::OpenPicker]);
    let at = a
        .store()
        .list()
        .iter()
        .position(|e| e.id == id)
        .expect("listed");
    send(
        a,
        &[Message::PickerMove(at as isize), Message::PickerChoose],
    );
}

/// The layout of the app's screen.
pub fn layout(app: &App) -> ScreenLayout {
    ScreenLayout::of(app).expect("screen large enough")
}

/// Index of the parameter with this id.
pub fn index(app: &App, id: &str) -> usize {
    app.setup().catalog.index(id).expect("parameter")
}

/// The data lines of a CSV (the run-information comments left out), to compare two outputs
/// made from differently named but equal settings.
pub fn data_rows(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Runs the real binary with `args`, `input` piped into its standard input; its output.
pub fn memcycle_with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_memcycle"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run memcycle");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        // A refusal may close the pipe before everything is written.
        let _ = stdin.write_all(input);
    }
    child.wait_with_output().expect("output")
}
