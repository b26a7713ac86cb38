//! No import circles between the modules of `backend` and `frontend`.
//!
//! Reads every `.rs` file of the two library crates (the `src/bin/*.rs` and
//! `main.rs` binaries are crates of their own with no submodules, so they
//! cannot hold a circle), finds the modules each file refers to, and fails
//! listing every circle.
//!
//! - A node is a file module: `foo.rs` or `foo/mod.rs`. Inline modules
//!   (`mod tests { .. }`) belong to their file.
//! - References: `use` trees (`use crate::a::{b, c::d}`), paths in code
//!   (`crate::a::b::f(..)`, `super::x::Y`), and paths that start with a name
//!   a `use` brought in (`use crate::services; services::people::f()` refers
//!   to `services::people`). A path names the deepest file module it reaches.
//! - A module holds its submodules, so a reference from `routes/people.rs`
//!   to `startup` is one from `routes` to `startup` too. Each reference is
//!   therefore an edge between the two siblings under the modules' nearest
//!   common parent (`routes` -> `startup` under the crate root;
//!   `services::feedback` -> `services::reviews` under `services`).
//!   References from a module to its own ancestors or descendants are left
//!   out: a parent and its children are one module seen at two depths.
//!
//! The scanner is a small tokenizer (comments, strings, char literals and
//! lifetimes skipped), not a Rust parser; macros' `$crate` paths are skipped.

#![allow(clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A module path inside one crate (`["services", "people"]`); the root is `[]`.
type ModPath = Vec<String>;

#[test]
fn no_import_circles_between_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut report = String::new();
    let mut count = 0;
    for krate in ["backend", "frontend"] {
        let graph = CrateGraph::read(&root.join(krate).join("src"));
        let circles = graph.circles();
        count += circles.len();
        let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for c in &circles {
            let parent = [krate.to_owned()]
                .into_iter()
                .chain(c.parent.iter().cloned())
                .collect::<Vec<_>>()
                .join("::");
            groups
                .entry(parent)
                .or_default()
                .extend(c.members.iter().cloned());
        }
        for (parent, members) in groups {
            let members: Vec<_> = members.into_iter().collect();
            let _ = writeln!(report, "in {parent}: {}", members.join(", "));
        }
        for circle in &circles {
            let _ = writeln!(report, "  {krate}: {}", graph.describe(circle));
        }
    }
    assert!(
        report.is_empty(),
        "{count} circles between modules; the modules in them, then every circle \
         (each step says where the reference is):\n{report}"
    );
}

#[test]
fn the_scanner_finds_references() {
    let src = r#"
        //! crate::not_this (a comment)
        use crate::a::{b, c::{self, d as e}, f::*};
        use super::g;
        use std::fmt;
        mod tests { use super::*; fn t() { crate::h::i(); let s = "crate::j::k"; } }
        fn x<'a>(y: &'a str) -> char { b::deep::f(); e::run(); g::other(); 'q' }
    "#;
    let found: BTreeSet<String> = references(src, &names(&["m", "n"]), &BTreeSet::new())
        .into_iter()
        .map(|r| r.target.join("::"))
        .collect();
    let want: BTreeSet<String> = [
        "a::b",
        "a::c",
        "a::c::d",
        "a::f",
        "m::g",
        "m::n",
        "h::i",
        "a::b::deep::f",
        "a::c::d::run",
        "m::g::other",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, want);
}

#[test]
fn a_circle_between_siblings_is_found_through_their_children() {
    let mut graph = CrateGraph::default();
    for m in [
        vec![],
        names(&["routes"]),
        names(&["routes", "people"]),
        names(&["startup"]),
    ] {
        graph.modules.insert(m);
    }
    graph.add_reference(
        &names(&["routes", "people"]),
        &names(&["startup", "AppState"]),
        "routes/people.rs:3",
    );
    graph.add_reference(
        &names(&["startup"]),
        &names(&["routes", "configure"]),
        "startup.rs:9",
    );
    // To its own parent: not an edge.
    graph.add_reference(
        &names(&["routes", "people"]),
        &names(&["routes", "Thing"]),
        "routes/people.rs:4",
    );
    let circles = graph.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert_eq!(
        graph.describe(&circles[0]),
        "routes -> startup (routes/people.rs:3 startup::AppState) -> routes (startup.rs:9 routes::configure)"
    );
}

fn names(parts: &[&str]) -> ModPath {
    parts.iter().map(|s| (*s).to_owned()).collect()
}

/// One circle: a parent module and the children of it that form the loop,
/// in order (the first is not repeated at the end).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Circle {
    parent: ModPath,
    members: Vec<String>,
}

#[derive(Default)]
struct CrateGraph {
    modules: BTreeSet<ModPath>,
    /// parent -> (child, child) -> the first reference that makes the edge.
    edges: BTreeMap<ModPath, BTreeMap<(String, String), String>>,
}

impl CrateGraph {
    fn read(src: &Path) -> Self {
        let mut files = Vec::new();
        rust_files(src, &mut files);
        let mut graph = CrateGraph::default();
        let mut sources = Vec::new();
        for file in files {
            let rel = file.strip_prefix(src).expect("under src").to_path_buf();
            if rel.starts_with("bin") || rel == Path::new("main.rs") {
                continue;
            }
            let module = module_of(&rel);
            graph.modules.insert(module.clone());
            let text = std::fs::read_to_string(&file).expect("a readable source file");
            sources.push((rel, module, text));
        }
        for (rel, module, text) in &sources {
            for r in references(text, module, &graph.modules) {
                let place = format!("{}:{}", rel.display(), r.line);
                graph.add_reference(module, &r.target, &place);
            }
        }
        graph
    }

    /// Records that `from` refers to the item or module at `target`.
    fn add_reference(&mut self, from: &ModPath, target: &[String], place: &str) {
        let Some(to) = self.deepest_module(target) else {
            return;
        };
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            return; // itself, an ancestor or a descendant
        }
        let key = (from[common].clone(), to[common].clone());
        self.edges
            .entry(from[..common].to_vec())
            .or_default()
            .entry(key)
            .or_insert_with(|| format!("{place} {}", target.join("::")));
    }

    /// The deepest file module that `path` names or reaches into.
    fn deepest_module(&self, path: &[String]) -> Option<ModPath> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| self.modules.contains(p))
    }

    /// Every elementary circle, under each parent module.
    fn circles(&self) -> Vec<Circle> {
        let mut out = Vec::new();
        for (parent, edges) in &self.edges {
            let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (a, b) in edges.keys() {
                next.entry(a.as_str()).or_default().push(b.as_str());
            }
            for loop_ in elementary_circles(&next) {
                out.push(Circle {
                    parent: parent.clone(),
                    members: loop_.into_iter().map(str::to_owned).collect(),
                });
            }
        }
        out.sort_by(|a, b| {
            (&a.parent, a.members.len(), &a.members).cmp(&(&b.parent, b.members.len(), &b.members))
        });
        out
    }

    fn describe(&self, circle: &Circle) -> String {
        let prefix = |name: &str| {
            let mut full = circle.parent.clone();
            full.push(name.to_owned());
            full.join("::")
        };
        let edges = &self.edges[&circle.parent];
        let mut text = prefix(&circle.members[0]);
        for (i, from) in circle.members.iter().enumerate() {
            let to = &circle.members[(i + 1) % circle.members.len()];
            let why = &edges[&(from.clone(), to.clone())];
            let _ = write!(text, " -> {} ({why})", prefix(to));
        }
        text
    }
}

/// Johnson-style enumeration, small enough for a few dozen siblings: each
/// circle is found once, from its smallest member.
fn elementary_circles<'a>(next: &BTreeMap<&'a str, Vec<&'a str>>) -> Vec<Vec<&'a str>> {
    fn walk<'a>(
        start: &'a str,
        at: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        out: &mut Vec<Vec<&'a str>>,
    ) {
        for &n in next.get(at).map(Vec::as_slice).unwrap_or_default() {
            if n == start {
                out.push(path.clone());
            } else if n > start && !path.contains(&n) {
                path.push(n);
                walk(start, n, next, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    for &start in next.keys() {
        walk(start, start, next, &mut vec![start], &mut out);
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `lib.rs` -> `[]`, `a/mod.rs` -> `[a]`, `a/b.rs` -> `[a, b]`.
fn module_of(rel: &Path) -> ModPath {
    let mut parts: ModPath = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_owned()),
    }
    parts
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Semi,
    Star,
    Other,
}

/// The tokens that matter for paths, each with its line.
fn tokenize(src: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            c if c.is_whitespace() => i += 1,
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                loop {
                    if i >= chars.len() {
                        break;
                    }
                    if chars[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if at(i) == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push((Tok::Other, line));
            }
            'r' | 'b' if is_raw_string(&chars, i) => {
                // r"..", r#".."#, br#".."#
                let mut j = i + usize::from(c == 'b') + 1;
                let mut hashes = 0;
                while at(j) == '#' {
                    hashes += 1;
                    j += 1;
                }
                j += 1; // the opening quote
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#') {
                        j += 1 + hashes;
                        break;
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    j += 1;
                }
                i = j;
                out.push((Tok::Other, line));
            }
            'b' if at(i + 1) == '"' || at(i + 1) == '\'' => i += 1, // the literal follows
            '\'' => {
                if at(i + 1) == '\\' {
                    // '\n', '\u{..}', '\''
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3; // 'x'
                } else {
                    i += 1; // a lifetime: its name follows as an identifier
                }
                out.push((Tok::Other, line));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let mut word: String = chars[start..i].iter().collect();
                if word == "r" && at(i) == '#' {
                    // r#ident
                    i += 1;
                    let s = i;
                    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                        i += 1;
                    }
                    word = chars[s..i].iter().collect();
                }
                out.push((Tok::Ident(word), line));
            }
            '$' => {
                // `$crate::..` in macros and `$name` fragments: not our paths.
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((Tok::Other, line));
            }
            ':' if at(i + 1) == ':' => {
                out.push((Tok::PathSep, line));
                i += 2;
            }
            '{' => {
                out.push((Tok::Open, line));
                i += 1;
            }
            '}' => {
                out.push((Tok::Close, line));
                i += 1;
            }
            ',' => {
                out.push((Tok::Comma, line));
                i += 1;
            }
            ';' => {
                out.push((Tok::Semi, line));
                i += 1;
            }
            '*' => {
                out.push((Tok::Star, line));
                i += 1;
            }
            _ => {
                out.push((Tok::Other, line));
                i += 1;
            }
        }
    }
    out
}

fn is_raw_string(chars: &[char], i: usize) -> bool {
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let prev_is_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    if prev_is_ident {
        return false;
    }
    let j = if chars[i] == 'b' {
        if at(i + 1) != 'r' {
            return false;
        }
        i + 2
    } else {
        i + 1
    };
    let mut k = j;
    while at(k) == '#' {
        k += 1;
    }
    at(k) == '"' && (k > j || at(j) == '"')
}

struct Reference {
    /// Absolute path in the crate (module path, maybe ending in an item).
    target: ModPath,
    line: usize,
}

/// A `use` tree flattened: the full path written, and the name it brings
/// into scope (`None` for a glob).
struct UseLeaf {
    path: Vec<String>,
    alias: Option<String>,
    line: usize,
}

/// Every crate-internal reference in one file of module `file_module`.
/// `modules` (the crate's file modules) tells child modules from extern
/// crates for paths that start with a plain name.
fn references(src: &str, file_module: &ModPath, modules: &BTreeSet<ModPath>) -> Vec<Reference> {
    let toks = tokenize(src);
    let ident = |k: usize| match toks.get(k) {
        Some((Tok::Ident(s), _)) => Some(s.as_str()),
        _ => None,
    };
    let is = |k: usize, t: &Tok| toks.get(k).map(|(x, _)| x) == Some(t);

    // Inline modules: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    // Names brought in by `use` (and declared child modules): name -> path
    // as written, with the module it was written in.
    let mut aliases: BTreeMap<String, ModPath> = BTreeMap::new();
    let mut found = Vec::new();

    let current = |inline: &Vec<(String, usize)>| {
        let mut m = file_module.clone();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };

    let mut k = 0;
    while k < toks.len() {
        match &toks[k].0 {
            Tok::Open => depth += 1,
            Tok::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Tok::Ident(w) if w == "mod" => {
                if let Some(name) = ident(k + 1) {
                    let here = current(&inline);
                    let mut child = here.clone();
                    child.push(name.to_owned());
                    aliases.insert(name.to_owned(), child);
                    if is(k + 2, &Tok::Open) {
                        depth += 1;
                        inline.push((name.to_owned(), depth));
                        k += 3;
                        continue;
                    }
                }
            }
            Tok::Ident(w) if w == "use" => {
                let here = current(&inline);
                let mut leaves = Vec::new();
                let mut j = k + 1;
                parse_use_tree(&toks, &mut j, Vec::new(), &mut leaves);
                for leaf in leaves {
                    if let Some(abs) = absolute(&leaf.path, &here, &aliases, modules) {
                        if let Some(name) = &leaf.alias {
                            aliases.insert(name.clone(), abs.clone());
                        }
                        found.push(Reference {
                            target: abs,
                            line: leaf.line,
                        });
                    }
                }
                k = j;
                continue;
            }
            Tok::Ident(w) if is(k + 1, &Tok::PathSep) && !(k > 0 && is(k - 1, &Tok::PathSep)) => {
                let line = toks[k].1;
                let mut path = vec![w.clone()];
                let mut j = k + 1;
                while is(j, &Tok::PathSep) {
                    match ident(j + 1) {
                        Some(s) => {
                            path.push(s.to_owned());
                            j += 2;
                        }
                        None => break, // `::<T>` or `::{`
                    }
                }
                let here = current(&inline);
                if let Some(abs) = absolute(&path, &here, &aliases, modules) {
                    found.push(Reference { target: abs, line });
                }
                k = j;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    found
}

/// Flattens one use tree starting at `toks[*j]`, up to its `;`, `,` or `}`.
fn parse_use_tree(
    toks: &[(Tok, usize)],
    j: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<UseLeaf>,
) {
    let mut path = prefix;
    let line = toks.get(*j).map_or(0, |t| t.1);
    if matches!(toks.get(*j), Some((Tok::PathSep, _))) {
        *j += 1; // `use ::std::..`
    }
    loop {
        match toks.get(*j).map(|t| &t.0) {
            Some(Tok::Ident(w)) if w == "self" && !path.is_empty() => {
                // `a::{self}`: a itself
                *j += 1;
                let alias = take_alias(toks, j).or_else(|| path.last().cloned());
                out.push(UseLeaf {
                    path: path.clone(),
                    alias,
                    line,
                });
                return;
            }
            Some(Tok::Ident(w)) => {
                path.push(w.clone());
                *j += 1;
                if matches!(toks.get(*j), Some((Tok::PathSep, _))) {
                    *j += 1;
                    continue;
                }
                let alias = take_alias(toks, j).or_else(|| path.last().cloned());
                let alias = alias.filter(|a| a != "_");
                out.push(UseLeaf { path, alias, line });
                return;
            }
            Some(Tok::Star) => {
                *j += 1;
                out.push(UseLeaf {
                    path,
                    alias: None,
                    line,
                });
                return;
            }
            Some(Tok::Open) => {
                *j += 1;
                loop {
                    match toks.get(*j).map(|t| &t.0) {
                        Some(Tok::Close) => {
                            *j += 1;
                            break;
                        }
                        Some(Tok::Comma) => *j += 1,
                        None => return,
                        _ => {
                            let before = *j;
                            parse_use_tree(toks, j, path.clone(), out);
                            if *j == before {
                                *j += 1;
                            }
                        }
                    }
                }
                if matches!(toks.get(*j), Some((Tok::Semi, _))) {
                    *j += 1;
                }
                return;
            }
            Some(Tok::Semi) => {
                *j += 1;
                return;
            }
            _ => return,
        }
    }
}

fn take_alias(toks: &[(Tok, usize)], j: &mut usize) -> Option<String> {
    if matches!(toks.get(*j), Some((Tok::Ident(w), _)) if w == "as") {
        if let Some((Tok::Ident(name), _)) = toks.get(*j + 1) {
            *j += 2;
            return Some(name.clone());
        }
    }
    None
}

/// The path as an absolute path in this crate, or `None` when it leaves the
/// crate (std, other crates) or names nothing we know.
fn absolute(
    path: &[String],
    here: &ModPath,
    aliases: &BTreeMap<String, ModPath>,
    modules: &BTreeSet<ModPath>,
) -> Option<ModPath> {
    let first = path.first()?;
    let mut abs = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.clone(),
        "super" => {
            let mut m = here.clone();
            m.pop()?;
            m
        }
        "Self" => return None,
        name => {
            if let Some(target) = aliases.get(name) {
                let mut m = target.clone();
                m.extend(path[1..].iter().cloned());
                return Some(m);
            }
            let mut child = here.clone();
            child.push(name.to_owned());
            if modules.contains(&child) {
                child.extend(path[1..].iter().cloned());
                return Some(child);
            }
            return None;
        }
    };
    for seg in &path[1..] {
        if seg == "super" {
            abs.pop()?;
        } else {
            abs.push(seg.clone());
        }
    }
    Some(abs)
}
