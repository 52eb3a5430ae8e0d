//! The terminal's one lifecycle: taken over after color-eyre is installed, restored on every exit
//! path — normal quit, error return, panic (ratatui's hook) and signals (the loop exits cleanly).

use ratatui::DefaultTerminal;

/// Owns the terminal while the TUI runs; restores it when dropped.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Raw mode + alternate screen, cleared. `ratatui::try_init` also installs a panic hook that
    /// restores the terminal before the panic report is printed.
    pub fn enter() -> std::io::Result<TerminalGuard> {
        let mut guard = TerminalGuard {
            terminal: ratatui::try_init()?,
        };
        // The first frame only draws what differs from a blank screen: without a clear, whatever
        // the terminal showed before (where the alternate screen is not a fresh one) would stay
        // in every cell the app leaves blank.
        guard.terminal.clear()?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}
