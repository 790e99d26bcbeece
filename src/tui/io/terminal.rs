//! Taking over the terminal and always giving it back: raw mode, alternate screen, mouse
//! capture and cursor are restored on return, on a panic, and on SIGTERM / SIGHUP / SIGINT.

use ratatui::Terminal;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::prelude::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Once;

/// The terminal in explorer mode; dropping it restores the terminal.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste on, the cursor hidden.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    )
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen with mouse capture, after installing the panic
    /// hook and the signal handlers that undo it.
    pub fn new() -> io::Result<Self> {
        install_handlers()?;
        if let Err(e) = enter() {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl TerminalGuard {
    /// Ctrl-Z: gives the terminal back, stops the process as the shell's job control expects
    /// (SIGTSTP), and takes the terminal again when `fg` continues it; the caller redraws.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SIGTSTP itself is caught (a stop sent from outside must restore the terminal too),
        // so the stop is SIGSTOP: the shell reports the job stopped all the same.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        // Here once continued: the alternate screen comes back as it was left, so clear it.
        enter()?;
        execute!(io::stdout(), Clear(ClearType::All))?;
        // A new terminal has empty buffers, so the next draw paints everything (ratatui's
        // `clear` would ask the terminal for the cursor position first).
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

static HANDLERS: Once = Once::new();

fn install_handlers() -> io::Result<()> {
    let mut result = Ok(());
    HANDLERS.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        result = watch_signals();
    });
    result
}

/// Set when the terminal was given back and taken again behind the loop's back (a stop sent
/// from outside): the next frame is drawn whole.
pub static REDRAW_ALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A thread that restores the terminal and exits when the process is asked to end (every
/// signal whose default would end it with the terminal still raw: SIGALRM from outside left
/// the alternate screen, mouse capture and a hidden cursor), and gives it back around a stop
/// sent from outside (SIGTSTP, e.g. `kill -TSTP`). The explorer blocks reading events, so the
/// signal cannot wait for the loop.
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM,
    };
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGTSTP,
    ])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGTSTP {
                    restore();
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                    // Continued: take the terminal again; the loop redraws on its next wake.
                    let _ = enter();
                    let _ = execute!(io::stdout(), Clear(ClearType::All));
                    REDRAW_ALL.store(true, std::sync::atomic::Ordering::SeqCst);
                    continue;
                }
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
