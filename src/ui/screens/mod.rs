//! One module per `Screen` of the window, named after it. Each draws from the session's `View` and
//! returns what the user asked for; none changes state itself.

mod delivery_round;
pub(in crate::ui) mod duiding;
pub(in crate::ui) mod gegevens;
pub(in crate::ui) mod gemeenten;
mod herkomst;
mod indicator_form;
pub(in crate::ui) mod indicatoren;
mod numbers_table;
pub(in crate::ui) mod strategisch;
pub(in crate::ui) mod tactisch;
pub(in crate::ui) mod verhalen;
