//! The Gegevens screen's steering of a round: drafting a reminder for a late supplier (to copy or
//! to open in the mail program) and the receipt of the import just saved. Neither writes the store.

use super::handling::Reread;
use super::{Request, Session};
use crate::app::default_user;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryCommand {
    /// Draft the reminder for this supplier about the Gegevens screen's period.
    DraftReminder(String),
    CopyReminder,
    /// Open the drafted reminder in the mail program (`mailto:`).
    MailReminder,
    CloseReminder,
    CopyReceipt,
    CloseReceipt,
}

impl Session {
    pub(super) fn handle_delivery(
        &mut self,
        command: DeliveryCommand,
        request: &mut Option<Request>,
    ) -> Reread {
        match command {
            DeliveryCommand::DraftReminder(supplier) => {
                let round = self
                    .view
                    .data
                    .as_ref()
                    .and_then(|data| data.rounds.iter().find(|r| r.supplier.name == supplier));
                let region = self.view.state.as_ref().ok().map(|d| d.region.name());
                if let (Some(round), Some(region)) = (round, region) {
                    self.view.reminder = Some(round.reminder(region, &default_user()));
                }
            }
            DeliveryCommand::CopyReminder => {
                if let Some(reminder) = &self.view.reminder {
                    *request = Some(Request::CopyText(reminder.text()));
                    self.view.message = Some(Ok(format!(
                        "Herinnering voor {} gekopieerd naar het klembord",
                        reminder.supplier
                    )));
                }
            }
            DeliveryCommand::MailReminder => {
                if let Some(reminder) = &self.view.reminder {
                    *request = Some(Request::OpenMail(reminder.mailto()));
                    self.view.message = Some(Ok(format!(
                        "Herinnering voor {} geopend in uw e-mailprogramma; het programma verstuurt zelf niets",
                        reminder.supplier
                    )));
                }
            }
            DeliveryCommand::CloseReminder => self.view.reminder = None,
            DeliveryCommand::CopyReceipt => {
                if let Some(receipt) = &self.view.receipt {
                    *request = Some(Request::CopyText(receipt.clone()));
                    self.view.message = Some(Ok(
                        "Ontvangstbevestiging gekopieerd naar het klembord".to_string(),
                    ));
                }
            }
            DeliveryCommand::CloseReceipt => self.view.receipt = None,
        }
        Reread::Nothing
    }
}
