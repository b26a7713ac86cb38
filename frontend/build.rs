//! Joins the translation files (`locales/<lang>/*.ftl`) into one file per
//! language in OUT_DIR, so `i18n.rs` can embed English with `include_str!`.
//! Files are joined in name order, so the result does not depend on the
//! file system.
use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for lang in ["en", "ar"] {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut names: Vec<_> = fs::read_dir(&dir)
            .map(|it| {
                it.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let mut joined = String::new();
        for path in names {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // `##! file` marks where each file starts: the checks in i18n.rs
            // use it to know which messages are for young people.
            joined.push_str(&format!("##! {name}\n"));
            joined.push_str(&fs::read_to_string(&path).unwrap_or_default());
            joined.push('\n');
        }
        let _ = fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined);
    }
}
