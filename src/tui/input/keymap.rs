//! Terminal events to messages: a key goes through the key table of where it is pressed (the
//! explorer's in `keys`, an overlay's or presentation mode's in `context_keys`) to what it asks
//! for, which becomes a message here; the text prompts take the keys their table leaves.

use crate::tui::input::context_keys::{self, Context};
use crate::tui::input::keys::{self, Does, Motion};
use crate::tui::input::message::{Edit, Message};
use crate::tui::layout::{
    ScreenLayout, SliderHit, chart_tab_hit, drag_fraction, slider_hit, table_rows,
};
use crate::tui::state::app::{App, Focus, Overlay};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Size};

/// The message for a terminal event, if it means anything.
pub fn message(app: &App, event: &Event) -> Option<Message> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(app, k),
        Event::Mouse(m) => mouse(app, m),
        Event::Resize(w, h) => Some(Message::Resize(Size::new(*w, *h))),
        _ => None,
    }
}

/// Whether the event is Ctrl-Z (suspend to the shell: the loop handles it, as it owns the
/// terminal).
pub fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.kind != KeyEventKind::Release
        && keys::does(k.code, k.modifiers) == Some(Does::Suspend))
}

/// A key in a text prompt (the save name and description, the seek target): editing, Enter
/// and Esc.
fn prompt_key(code: KeyCode, ctrl: bool) -> Option<Message> {
    match code {
        KeyCode::Enter => Some(Message::Submit),
        KeyCode::Esc => Some(Message::CloseOverlay),
        KeyCode::Backspace => Some(Message::Backspace),
        KeyCode::Char('u') if ctrl => Some(Message::Edit(Edit::ClearToStart)),
        KeyCode::Char('w') if ctrl => Some(Message::Edit(Edit::DeleteWord)),
        KeyCode::Char('a') if ctrl => Some(Message::Edit(Edit::Home)),
        KeyCode::Char('e') if ctrl => Some(Message::Edit(Edit::End)),
        KeyCode::Char(_) if ctrl => None,
        KeyCode::Char(c) => Some(Message::Input(c)),
        KeyCode::Left => Some(Message::Edit(Edit::Left)),
        KeyCode::Right => Some(Message::Edit(Edit::Right)),
        KeyCode::Home => Some(Message::Edit(Edit::Home)),
        KeyCode::End => Some(Message::Edit(Edit::End)),
        KeyCode::Delete => Some(Message::Edit(Edit::Delete)),
        _ => None,
    }
}

/// A character that can be part of a number as the seek target is typed.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '+')
}

fn key(app: &App, k: &KeyEvent) -> Option<Message> {
    // Quitting at once works everywhere, over any overlay and in the prompt.
    if keys::does(k.code, k.modifiers) == Some(Does::Send(Message::Quit)) {
        return Some(Message::Quit);
    }
    if app.ui.overlay != Overlay::None {
        return overlay_key(app, k);
    }
    if app.ui.presenting.is_some() {
        return presentation_message(app, k);
    }
    keys::does(k.code, k.modifiers).and_then(|d| explorer_message(app, d))
}

/// A key over an open overlay: each overlay takes its own few keys (its table in
/// [`context_keys`]); the text prompts take the rest.
fn overlay_key(app: &App, k: &KeyEvent) -> Option<Message> {
    if let Some(does) = context_keys::does(context(&app.ui.overlay), k.code, k.modifiers) {
        return overlay_message(app, does);
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match &app.ui.overlay {
        Overlay::Save { .. } => prompt_key(k.code, ctrl),
        // A letter is no part of a number target.
        Overlay::Seek { .. } => match k.code {
            KeyCode::Char(c) if !(ctrl || is_number_char(c)) => None,
            code => prompt_key(code, ctrl),
        },
        _ => None,
    }
}

/// Whose keys an overlay takes.
pub fn context(overlay: &Overlay) -> Context {
    match overlay {
        Overlay::None => Context::Explorer,
        Overlay::Help | Overlay::Glossary => Context::Help,
        Overlay::Info(_) => Context::Info,
        Overlay::Changes => Context::Changes,
        Overlay::Problems { .. } => Context::Problems,
        Overlay::Picker { .. } => Context::Picker,
        Overlay::Save { .. } => Context::Save,
        Overlay::Seek { .. } => Context::Seek,
        Overlay::ConfirmQuit => Context::ConfirmQuit,
        Overlay::ConfirmOverwrite { .. } => Context::ConfirmOverwrite,
    }
}

/// The message for what a press does over an overlay or in presentation mode: the motions
/// move through the picker's entries.
fn overlay_message(app: &App, does: Does) -> Option<Message> {
    let page = crate::tui::layout::picker_rows(app.ui.size.height) as isize;
    let all = match &app.ui.overlay {
        Overlay::Picker { entries, .. } => entries.len() as isize,
        _ => 0,
    };
    match does {
        Does::Send(message) => Some(message),
        Does::Move(motion) => Some(Message::PickerMove(match motion {
            Motion::Up | Motion::Left | Motion::ShiftLeft => -1,
            Motion::Down | Motion::Right | Motion::ShiftRight => 1,
            Motion::Home => -all,
            Motion::End => all,
            Motion::PageUp => -page,
            Motion::PageDown => page,
        })),
        // No context table suspends (the loop does, before any table is asked).
        Does::Suspend => None,
    }
}

/// The message for what a press of the explorer's table does: the arrows and page keys do
/// what the focused panel does with them.
fn explorer_message(app: &App, does: Does) -> Option<Message> {
    match does {
        Does::Send(message) => Some(message),
        Does::Move(motion) => Some(motion_message(app, motion)),
        // The loop suspends before the keymap is asked: no message.
        Does::Suspend => None,
    }
}

/// What an arrow or page key does in the focused panel.
fn motion_message(app: &App, motion: Motion) -> Message {
    // Table rows on screen, for page keys; only they need the layout.
    let page = || {
        table_rows(
            app,
            ScreenLayout::of(app).map_or_else(Default::default, |l| l.table),
        )
        .max(1) as i32
    };
    let on_sliders = app.ui.focus == Focus::Sliders;
    let tornado = app.insight.tornado.is_some();
    let vertical = |d: i8| match app.ui.focus {
        Focus::Sliders => Message::Select(d.into()),
        Focus::Chart if tornado => Message::TornadoMove(d.into()),
        Focus::Chart => Message::CycleChart(d.into()),
        Focus::Table => Message::Year(d.into()),
    };
    match motion {
        Motion::Up => vertical(-1),
        Motion::Down => vertical(1),
        Motion::Left if on_sliders => Message::Step(-1),
        Motion::Right if on_sliders => Message::Step(1),
        // On the sliders PgUp raises the value like Shift-→; elsewhere it pages back.
        Motion::ShiftLeft | Motion::PageDown if on_sliders => Message::BigStep(-1),
        Motion::ShiftRight | Motion::PageUp if on_sliders => Message::BigStep(1),
        Motion::Left | Motion::ShiftLeft => Message::Year(-1),
        Motion::Right | Motion::ShiftRight => Message::Year(1),
        Motion::PageUp => Message::Year(-page()),
        Motion::PageDown => Message::Year(page()),
        Motion::Home if on_sliders => Message::ToMin,
        Motion::End if on_sliders => Message::ToMax,
        Motion::Home => Message::FirstYear,
        Motion::End => Message::LastYear,
    }
}

/// Presentation mode: few keys, hard to press by mistake in front of a room (its table in
/// [`context_keys`]: the arrows and page keys step through the deck, `p` and `Esc` leave); the
/// view keys work as in the explorer.
fn presentation_message(app: &App, k: &KeyEvent) -> Option<Message> {
    if let Some(does) = context_keys::does(Context::Presentation, k.code, k.modifiers) {
        return overlay_message(app, does);
    }
    keys::does(k.code, k.modifiers)
        .filter(|d| d.is_view())
        .and_then(|d| explorer_message(app, d))
}

fn mouse(app: &App, m: &MouseEvent) -> Option<Message> {
    if app.ui.presenting.is_some() || app.ui.overlay != Overlay::None {
        return None;
    }
    let pos = Position::new(m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(kind) = chart_tab_hit(app, pos) {
                return Some(Message::Chart(kind));
            }
            match slider_hit(app, pos)? {
                SliderHit::Label(i) => Some(Message::SelectIndex(i)),
                SliderHit::Bar(index, fraction) => Some(Message::SetFraction { index, fraction }),
            }
        }
        MouseEventKind::Drag(MouseButton::Left) => {
            let index = app.ui.dragging?;
            Some(Message::SetFraction {
                index,
                fraction: drag_fraction(app, pos)?,
            })
        }
        MouseEventKind::Up(_) => app.ui.dragging.map(|_| Message::EndDrag),
        MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
            let up = m.kind == MouseEventKind::ScrollUp;
            if let Some(SliderHit::Label(index) | SliderHit::Bar(index, _)) = slider_hit(app, pos) {
                return Some(Message::StepIndex {
                    index,
                    steps: if up { 1 } else { -1 },
                });
            }
            let layout = ScreenLayout::of(app)?;
            if layout.table.contains(pos) {
                Some(Message::Year(if up { -1 } else { 1 }))
            } else if layout.chart.contains(pos) {
                Some(Message::Year(if up { 1 } else { -1 }))
            } else {
                None
            }
        }
        _ => None,
    }
}
