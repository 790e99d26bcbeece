//! One slider step as the explorer does it: update (recompute the projection) and a full render
//! of a 160x48 frame into a TestBackend buffer; and the same with the tornado shown.

use criterion::{Criterion, criterion_group, criterion_main};
use memcycle::setup::Setup;
use memcycle::tui::App;
use memcycle::tui::Message;
use memcycle::tui::Theme;
use memcycle::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::symbols::Marker;

fn slider_step(c: &mut Criterion) {
    let setup = match Setup::load(None, None) {
        Ok(s) => s,
        Err(e) => panic!("built-in data: {e}"),
    };
    let params = setup.catalog.baseline().clone();
    let mut app = App::new(setup, params, "Baseline", Theme::new(true, Marker::Braille));
    update(&mut app, Message::Resize(Size::new(160, 48)));
    let mut terminal = match Terminal::new(TestBackend::new(160, 48)) {
        Ok(t) => t,
        Err(e) => panic!("test terminal: {e}"),
    };
    let mut up = true;
    c.bench_function("slider_step_160x48", |b| {
        b.iter(|| {
            update(&mut app, Message::Step(if up { 1 } else { -1 }));
            up = !up;
            let _ = terminal.draw(|f| f.render_widget(&app, f.area()));
        });
    });
    c.bench_function("render_only_160x48", |b| {
        b.iter(|| {
            let _ = terminal.draw(|f| f.render_widget(&app, f.area()));
        });
    });
    // The tornado shown: every step also runs two projections per parameter.
    update(&mut app, Message::ToggleTornado);
    c.bench_function("slider_step_with_tornado_160x48", |b| {
        b.iter(|| {
            update(&mut app, Message::Step(if up { 1 } else { -1 }));
            up = !up;
            let _ = terminal.draw(|f| f.render_widget(&app, f.area()));
        });
    });
}

criterion_group!(benches, slider_step);
criterion_main!(benches);
