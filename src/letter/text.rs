//! The letter as plain text: title, introduction, the chapters with their numbered questions,
//! closing.

use super::Letter;

pub fn render(l: &Letter) -> String {
    let mut s = String::new();
    s.push_str(&l.title);
    s.push_str("\n\n");
    s.push_str(&l.intro);
    s.push_str("\n\n");
    if l.groups.is_empty() {
        s.push_str(&l.empty);
        s.push_str("\n\n");
    }
    for g in &l.groups {
        s.push_str(&g.heading);
        s.push('\n');
        for q in &g.questions {
            s.push_str(&format!("{}. {}\n", q.number, q.text));
        }
        s.push('\n');
    }
    s.push_str(&l.closing);
    s.push('\n');
    s
}
