//! The module graph of `storymap-core`, read from its `use crate::…` / `use super::…`
//! lines: no import cycle anywhere, and edit families depend only on the shared edit
//! helpers, never on each other. Re-exports are followed to the module that defines the
//! name, so a facade (`edit/mod.rs`, `lib.rs`) does not hide or invent a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::{Item, UseTree};

/// Modules inside `edit/` that every family may use.
const EDIT_SHARED: [&str; 5] = [
    "edit::tx",
    "edit::shared",
    "edit::ranks",
    "edit::session_parts",
    "edit::session_readers",
];

struct Module {
    /// `pub use` names: name → the module path it comes from.
    reexports: BTreeMap<String, Vec<String>>,
    /// Every imported path, as written (absolute, `crate`-free).
    imports: Vec<Vec<String>>,
}

fn module_name(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// Flattens a use tree into full paths (the last segment is the imported name or `*`).
fn paths(tree: &UseTree, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        UseTree::Path(p) => {
            let mut next = prefix;
            next.push(p.ident.to_string());
            paths(&p.tree, next, out);
        }
        UseTree::Name(n) => out.push([prefix, vec![n.ident.to_string()]].concat()),
        UseTree::Rename(r) => out.push([prefix, vec![r.ident.to_string()]].concat()),
        UseTree::Glob(_) => out.push([prefix, vec!["*".to_owned()]].concat()),
        UseTree::Group(g) => g.items.iter().for_each(|t| paths(t, prefix.clone(), out)),
    }
}

/// A path as written in `module`, made absolute; `None` for other crates.
fn absolute(module: &str, path: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "super" | "self" => module.split("::").map(str::to_owned).collect(),
        _ => return None,
    };
    let mut rest = path;
    while let Some(first) = rest.first() {
        match first.as_str() {
            "crate" => {}
            "self" => {}
            "super" => {
                base.pop();
            }
            _ => break,
        }
        rest = &rest[1..];
    }
    base.retain(|s| !s.is_empty());
    Some([base, rest.to_vec()].concat())
}

fn read_modules(src: &Path) -> BTreeMap<String, Module> {
    let mut modules = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = module_name(src, &path);
            let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let mut module = Module {
                reexports: BTreeMap::new(),
                imports: Vec::new(),
            };
            for item in &file.items {
                let Item::Use(use_item) = item else { continue };
                let mut found = Vec::new();
                paths(&use_item.tree, Vec::new(), &mut found);
                for path in found.iter().filter_map(|p| absolute(&name, p)) {
                    if !matches!(use_item.vis, syn::Visibility::Inherited) {
                        let imported = path.last().unwrap().clone();
                        module
                            .reexports
                            .insert(imported, path[..path.len() - 1].to_vec());
                    }
                    module.imports.push(path);
                }
            }
            modules.insert(name, module);
        }
    }
    modules
}

/// The module that defines what `path` names, following re-exports.
fn defining_module(modules: &BTreeMap<String, Module>, path: &[String]) -> Option<String> {
    // The longest prefix that is a module.
    let split = (0..=path.len())
        .rev()
        .find(|&n| modules.contains_key(&path[..n].join("::")))?;
    let module = path[..split].join("::");
    let Some(name) = path.get(split) else {
        return Some(module);
    };
    match modules[&module].reexports.get(name) {
        Some(from) if from.join("::") != module => {
            let mut next = from.clone();
            next.push(name.clone());
            defining_module(modules, &next)
        }
        _ => Some(module),
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = read_modules(&src);
    modules
        .iter()
        .map(|(name, module)| {
            let deps = module
                .imports
                .iter()
                .filter_map(|path| defining_module(&modules, path))
                // A facade's own `pub use` of its children is not a dependency edge back.
                .filter(|dep| dep != name && !dep.starts_with(&format!("{name}::")))
                .filter(|dep| !dep.is_empty())
                .collect();
            (name.clone(), deps)
        })
        .collect()
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some([&path[at..], &[node.to_owned()]].concat());
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_run_in_a_circle() {
    let graph = graph();
    assert!(
        graph.contains_key("edit::cards"),
        "the edit families are read"
    );
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn edit_families_depend_only_on_the_shared_edit_helpers() {
    let graph = graph();
    let mut offenders = Vec::new();
    for (module, deps) in graph.iter().filter(|(m, _)| m.starts_with("edit::")) {
        if EDIT_SHARED.contains(&module.as_str()) {
            continue;
        }
        for dep in deps.iter().filter(|d| d.starts_with("edit")) {
            if !EDIT_SHARED.contains(&dep.as_str()) {
                offenders.push(format!("{module} → {dep}"));
            }
        }
    }
    assert_eq!(offenders, Vec::<String>::new());
}

#[test]
fn the_check_sees_a_cycle_when_there_is_one() {
    let mut graph = graph();
    graph
        .get_mut("edit::shared")
        .unwrap()
        .insert("edit::cards".to_owned());
    graph
        .get_mut("edit::cards")
        .unwrap()
        .insert("edit::shared".to_owned());
    assert!(find_cycle(&graph).is_some());
}
