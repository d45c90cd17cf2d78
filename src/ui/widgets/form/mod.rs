//! What every form shares, written once: the controller (`FormControl`: which messages show, the write
//! and whether it was accepted), the review gate (`ReviewGate`: a step shown while the input is as it was
//! when the step began; `EditEnd` shows it), the safe edit of something loaded (`use_safe_edit`: re-read
//! then write, and the choice when someone else changed it) and the `FormField` widget (label, help, messages, and the ARIA
//! that links them).
mod control;
mod field;
mod gate;
mod safe_edit;
mod steps;

pub use control::FormControl;
pub use field::{Control, FormField};
pub use gate::ReviewGate;
pub use safe_edit::{use_safe_edit, SafeEdit};
pub use steps::{Conflict, EditEnd, Step};
