//! Writing well-formed markup: every text escaped, every element closed.

#[derive(Default)]
pub(in crate::report) struct Html {
    out: String,
}

impl Html {
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub fn open(&mut self, tag: &str, class: &str) {
        if class.is_empty() {
            self.out.push_str(&format!("<{tag}>"));
        } else {
            self.out.push_str(&format!("<{tag} class=\"{class}\">"));
        }
    }

    pub fn close(&mut self, tag: &str) {
        self.out.push_str(&format!("</{tag}>\n"));
    }

    /// `<tag class="…">text</tag>` with the text escaped.
    pub fn element(&mut self, tag: &str, class: &str, text: &str) {
        self.open(tag, class);
        self.out.push_str(&escape(text));
        self.out.push_str(&format!("</{tag}>"));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Text for HTML and XML alike: only the five predefined entities.
pub(in crate::report) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_cannot_break_out_of_its_element() {
        assert_eq!(
            super::escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
