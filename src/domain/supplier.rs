//! A supplier: who delivers figures by hand (named by the indicators' `supplier`), and whom to ask
//! for them: a contact person and an e-mail address, both optional.

use super::text::{check_text, is_invisible_or_bidi};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Supplier {
    /// As the indicators name it: "GGZ", "ZVH ZaWa".
    pub name: String,
    pub contact: Option<String>,
    pub email: Option<String>,
}

/// Longest contact name or address kept: a line in a message, never a document.
const MAX_FIELD_CHARS: usize = 200;

impl Supplier {
    /// A supplier nobody has given a contact for yet.
    pub fn named(name: &str) -> Supplier {
        Supplier {
            name: name.to_string(),
            ..Supplier::default()
        }
    }

    /// The supplier with `contact` and `email` as typed: blank means none, and each is checked.
    /// Every problem is a Dutch sentence naming the field.
    pub fn with_contact(
        name: &str,
        contact: Option<&str>,
        email: Option<&str>,
    ) -> Result<Supplier, Vec<String>> {
        let mut problems = Vec::new();
        let mut field = |label: &str, text: Option<&str>| {
            let text = text.map(str::trim).filter(|t| !t.is_empty())?;
            if let Err(error) = check_text(label, text) {
                problems.push(error.to_string());
            } else if text.contains(['\n', '\t']) || text.chars().any(is_invisible_or_bidi) {
                problems.push(format!(
                    "{label}: één regel tekst, zonder tabs of onzichtbare tekens"
                ));
            } else if text.chars().count() > MAX_FIELD_CHARS {
                problems.push(format!("{label} is langer dan {MAX_FIELD_CHARS} tekens"));
            }
            Some(text.to_string())
        };
        let contact = field("contactpersoon", contact);
        let email = field("e-mailadres", email);
        if let Some(address) = &email
            && problems.is_empty()
            && !is_email_address(address)
        {
            problems.push(format!(
                "e-mailadres '{address}' is geen e-mailadres; verwacht bijvoorbeeld naam@organisatie.nl"
            ));
        }
        if problems.is_empty() {
            Ok(Supplier {
                name: name.to_string(),
                contact,
                email,
            })
        } else {
            Err(problems)
        }
    }

    /// "Jan Jansen <j.jansen@ggz.nl>", "j.jansen@ggz.nl", "Jan Jansen" or nothing: who a message goes to.
    pub fn addressee(&self) -> Option<String> {
        match (&self.contact, &self.email) {
            (Some(contact), Some(email)) => Some(format!("{contact} <{email}>")),
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
            (None, None) => None,
        }
    }
}

/// One `@` between a local part and a domain with a dot, nothing that would break a `mailto:` or a
/// header: what a person types as an address, not the whole of RFC 5322.
fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let fits = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
    };
    fits(local)
        && fits(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_fields_are_none_and_addresses_are_checked() {
        let supplier = Supplier::with_contact("GGZ", Some(" Jan Jansen "), Some("")).unwrap();
        assert_eq!(supplier.contact.as_deref(), Some("Jan Jansen"));
        assert_eq!(supplier.email, None);
        assert_eq!(supplier.addressee().as_deref(), Some("Jan Jansen"));
        let full = Supplier::with_contact("GGZ", Some("Jan"), Some("jan@ggz.nl")).unwrap();
        assert_eq!(full.addressee().as_deref(), Some("Jan <jan@ggz.nl>"));
        for wrong in [
            "jan",
            "jan@ggz",
            "jan@@ggz.nl",
            "jan @ggz.nl",
            "jan@ggz..nl",
            "a@b.nl?x",
        ] {
            let problems = Supplier::with_contact("GGZ", None, Some(wrong)).unwrap_err();
            assert!(
                problems[0].contains("is geen e-mailadres"),
                "{wrong}: {problems:?}"
            );
        }
        let problems = Supplier::with_contact("GGZ", Some("Jan\u{7}"), None).unwrap_err();
        assert!(problems[0].contains("stuurteken"), "{problems:?}");
        assert_eq!(Supplier::named("GGZ").addressee(), None);
    }
}
