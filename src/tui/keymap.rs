//! Terminal events to messages: the one place that knows which key does what.

use super::app::{App, ChartKind, Focus, Overlay};
use super::layout::{
    ScreenLayout, SliderHit, chart_tab_hit, drag_fraction, slider_hit, table_rows,
};
use super::message::{Edit, Message};
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

fn key(app: &App, k: &KeyEvent) -> Option<Message> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let shift = k.modifiers.contains(KeyModifiers::SHIFT);
    if ctrl && matches!(k.code, KeyCode::Char('c')) {
        return Some(Message::Quit);
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Problems { .. } => {
            return match k.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => Some(Message::CloseOverlay),
                _ => None,
            };
        }
        Overlay::Info(_) => {
            return match k.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('i') => Some(Message::CloseOverlay),
                KeyCode::Char('q') => Some(Message::RequestQuit),
                _ => None,
            };
        }
        Overlay::Help | Overlay::Changes => {
            return match k.code {
                KeyCode::Char('q') => Some(Message::RequestQuit),
                KeyCode::Esc | KeyCode::Char('?' | 'w') | KeyCode::Enter => {
                    Some(Message::CloseOverlay)
                }
                _ => None,
            };
        }
        Overlay::Picker { entries, .. } => {
            let page = (app.size.height.saturating_sub(6)).max(1) as isize;
            let all = entries.len() as isize;
            return match k.code {
                KeyCode::Up | KeyCode::Char('k') => Some(Message::PickerMove(-1)),
                KeyCode::Down | KeyCode::Char('j') => Some(Message::PickerMove(1)),
                KeyCode::Home => Some(Message::PickerMove(-all)),
                KeyCode::End => Some(Message::PickerMove(all)),
                KeyCode::PageUp => Some(Message::PickerMove(-page)),
                KeyCode::PageDown => Some(Message::PickerMove(page)),
                KeyCode::Enter => Some(Message::PickerChoose),
                KeyCode::Esc | KeyCode::Char('s' | 'q') => Some(Message::CloseOverlay),
                _ => None,
            };
        }
        Overlay::Save { .. } => {
            return match k.code {
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
            };
        }
        Overlay::ConfirmQuit => {
            return match k.code {
                KeyCode::Char('S') => Some(Message::OpenSave),
                KeyCode::Char('q') => Some(Message::Quit),
                KeyCode::Esc => Some(Message::CloseOverlay),
                _ => None,
            };
        }
        Overlay::ConfirmOverwrite { .. } => {
            return match k.code {
                KeyCode::Char('y' | 'Y') => Some(Message::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Message::Confirm(false)),
                _ => None,
            };
        }
    }
    if ctrl && matches!(k.code, KeyCode::Char('r')) {
        return Some(Message::Redo);
    }
    if app.presenting.is_some() {
        return presentation_key(k);
    }
    // Table rows on screen, for page keys; only they need the layout.
    let page = || {
        table_rows(
            app,
            ScreenLayout::of(app).map_or_else(Default::default, |l| l.table),
        )
        .max(1) as i32
    };
    let on_sliders = app.focus == Focus::Sliders;
    Some(match k.code {
        KeyCode::Char('q') | KeyCode::Esc => Message::RequestQuit,
        KeyCode::Tab => Message::CycleFocus(1),
        KeyCode::BackTab => Message::CycleFocus(-1),
        KeyCode::Char('m') => Message::ToggleMemory,
        KeyCode::Char('s') => Message::OpenPicker,
        KeyCode::Char('S') => Message::OpenSave,
        KeyCode::Char('u') => Message::Undo,
        KeyCode::Char('w') => Message::ToggleChanges,
        KeyCode::Char('i') => Message::ToggleInfo,
        KeyCode::Char('c') => Message::Pin,
        KeyCode::Char('x') => Message::ClearPins,
        KeyCode::Char('p') => Message::TogglePresentation,
        KeyCode::Char('t') => Message::ToggleBacktest,
        KeyCode::Char('{') => Message::BaseYear(-1),
        KeyCode::Char('}') => Message::BaseYear(1),
        KeyCode::Char('r') => Message::Reset,
        KeyCode::Char('R') => Message::ResetAll,
        KeyCode::Char('H') => Message::BigStep(-1),
        KeyCode::Char('L') => Message::BigStep(1),
        KeyCode::Up | KeyCode::Char('k') => match app.focus {
            Focus::Sliders => Message::Select(-1),
            Focus::Chart => Message::CycleChart(-1),
            Focus::Table => Message::Year(-1),
        },
        KeyCode::Down | KeyCode::Char('j') => match app.focus {
            Focus::Sliders => Message::Select(1),
            Focus::Chart => Message::CycleChart(1),
            Focus::Table => Message::Year(1),
        },
        KeyCode::Left | KeyCode::Char('h') if on_sliders => {
            if shift {
                Message::BigStep(-1)
            } else {
                Message::Step(-1)
            }
        }
        KeyCode::Right | KeyCode::Char('l') if on_sliders => {
            if shift {
                Message::BigStep(1)
            } else {
                Message::Step(1)
            }
        }
        KeyCode::Left | KeyCode::Char('h') => Message::Year(-1),
        KeyCode::Right | KeyCode::Char('l') => Message::Year(1),
        KeyCode::PageUp if on_sliders => Message::BigStep(1),
        KeyCode::PageDown if on_sliders => Message::BigStep(-1),
        KeyCode::PageUp => Message::Year(-page()),
        KeyCode::PageDown => Message::Year(page()),
        KeyCode::Home if on_sliders => Message::ToMin,
        KeyCode::End if on_sliders => Message::ToMax,
        KeyCode::Home => Message::Year(-1000),
        KeyCode::End => Message::Year(1000),
        _ => return view_key(k.code),
    })
}

/// Keys in presentation mode: few, and hard to press by mistake in front of a room.
fn presentation_key(k: &KeyEvent) -> Option<Message> {
    Some(match k.code {
        KeyCode::Char('q') => Message::RequestQuit,
        KeyCode::Esc | KeyCode::Char('p') => Message::TogglePresentation,
        KeyCode::Right | KeyCode::Char('l' | ' ') | KeyCode::PageDown => Message::DeckStep(1),
        KeyCode::Left | KeyCode::Char('h') | KeyCode::PageUp => Message::DeckStep(-1),
        _ => return view_key(k.code),
    })
}

/// Keys that mean the same in the explorer and in presentation mode: what is shown, not what
/// is assumed.
fn view_key(code: KeyCode) -> Option<Message> {
    Some(match code {
        KeyCode::Char('?') => Message::ToggleHelp,
        KeyCode::Char('[') => Message::Year(-1),
        KeyCode::Char(']') => Message::Year(1),
        KeyCode::Char(c @ '1'..='6') => {
            Message::Chart(ChartKind::ALL[(c as usize) - ('1' as usize)])
        }
        KeyCode::Char('.') => Message::Replay,
        KeyCode::Char('b') => Message::ToggleBaseline,
        KeyCode::Char('v') => Message::CycleView,
        _ => return None,
    })
}

fn mouse(app: &App, m: &MouseEvent) -> Option<Message> {
    if app.presenting.is_some() || app.overlay != Overlay::None {
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
            let index = app.dragging?;
            Some(Message::SetFraction {
                index,
                fraction: drag_fraction(app, pos)?,
            })
        }
        MouseEventKind::Up(_) => app.dragging.map(|_| Message::EndDrag),
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
