#!/usr/bin/env python3
"""Fails when the top-level modules of a crate import each other in a circle.

For each crate, a top-level module is `src/<name>.rs` or `src/<name>/`; module A depends on B
when a file of A names `crate::B` (in a `use` or a path). Crates themselves cannot form cycles
(cargo refuses), so this covers what cargo does not. Prints every cycle found and exits 1.

    scripts/check-module-cycles.py            the workspace's crates
    scripts/check-module-cycles.py DIR ...     the crates whose `src` folders are given
"""

import pathlib
import re
import sys

CRATES = ["domain/src", "i18n/src", "app/src", "islands/src", "server/src", "migration/src"]
PATH = re.compile(r"\bcrate::(?:(\{)|([a-z_][a-z0-9_]*))")
FIRST = re.compile(r"\s*([a-z_][a-z0-9_]*)")


def group_heads(text: str, start: int) -> list[str]:
    """The first name of each item of the `{...}` group opening at `start`: in
    `crate::{a::{b, c}, d}` that is `a` and `d` (what is nested belongs to its item)."""
    heads, depth, item = [], 0, start + 1
    for i in range(start, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if depth == 1 and c == "," or depth == 0:
            found = FIRST.match(text, item)
            if found:
                heads.append(found.group(1))
            item = i + 1
        if depth == 0:
            break
    return heads


def strip_comments(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def modules(src: pathlib.Path) -> dict[str, list[pathlib.Path]]:
    found: dict[str, list[pathlib.Path]] = {}
    for path in src.iterdir():
        if path.is_dir():
            found[path.name] = sorted(path.rglob("*.rs"))
        elif path.suffix == ".rs" and path.stem not in ("lib", "main"):
            found[path.stem] = [path]
    for name, files in found.items():
        # `src/<name>.rs` beside `src/<name>/` (the 2018 layout): one module.
        flat = src / f"{name}.rs"
        if flat.exists() and flat not in files:
            files.append(flat)
    return found


def edges(src: pathlib.Path) -> dict[str, set[str]]:
    mods = modules(src)
    graph: dict[str, set[str]] = {name: set() for name in mods}
    for name, files in mods.items():
        for path in files:
            text = strip_comments(path.read_text(encoding="utf-8"))
            for found in PATH.finditer(text):
                single = found.group(2)
                targets = [single] if single else group_heads(text, found.start(1))
                for target in targets:
                    if target in mods and target != name:
                        graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def main(argv: list[str]) -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    crates = argv or CRATES
    failed = False
    for crate in crates:
        src = (root / crate) if not pathlib.Path(crate).is_absolute() else pathlib.Path(crate)
        for cycle in cycles(edges(src)):
            failed = True
            print(f"{crate}: modules import each other in a circle: {' -> '.join(cycle)}")
    if not failed:
        print(f"no import cycles between the modules of {', '.join(crates)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
