//! The BO-pakket read back as XML (its markup is well-formed by design), for tests that look into it.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

/// A parsed element: its name, attributes and children.
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attributes: HashMap<String, String>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => out.push_str(&element.text()),
            }
        }
        out
    }

    pub fn class(&self) -> &str {
        self.attributes.get("class").map_or("", String::as_str)
    }

    /// Every element below this one (depth first) that `keep` accepts.
    pub fn find_all<'a>(&'a self, keep: &dyn Fn(&Element) -> bool, found: &mut Vec<&'a Element>) {
        for child in &self.children {
            if let Node::Element(element) = child {
                if keep(element) {
                    found.push(element);
                }
                element.find_all(keep, found);
            }
        }
    }

    pub fn all(&self, keep: &dyn Fn(&Element) -> bool) -> Vec<&Element> {
        let mut found = Vec::new();
        self.find_all(keep, &mut found);
        found
    }
}

fn entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        _ => name
            .strip_prefix('#')
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(char::from_u32)
            .map(String::from)
            .unwrap_or_else(|| panic!("unknown entity &{name};")),
    }
}

/// Parses the document; panics on anything that is not well-formed.
pub fn parse(html: &str) -> Element {
    let mut reader = Reader::from_str(html);
    let mut stack = vec![Element {
        name: "#document".into(),
        attributes: HashMap::new(),
        children: Vec::new(),
    }];
    let open = |start: &quick_xml::events::BytesStart| Element {
        name: start.name().as_ref().to_string(),
        attributes: start
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (a.key.as_ref().to_string(), a.value.to_string())
            })
            .collect(),
        children: Vec::new(),
    };
    loop {
        match reader.read_event().expect("well-formed markup") {
            Event::Start(start) => stack.push(open(&start)),
            Event::Empty(start) => {
                let element = open(&start);
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Element(element));
            }
            Event::End(_) => {
                let element = stack.pop().unwrap();
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Element(element));
            }
            Event::Text(text) => {
                let text: &str = &text;
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(text.to_string()));
            }
            Event::GeneralRef(reference) => {
                let name: &str = &reference;
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(entity(name)));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().unwrap()
}
