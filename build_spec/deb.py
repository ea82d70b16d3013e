"""Build the Linux .deb from the frozen app (dist/shopdesk) with dpkg-deb.

    python build_spec/deb.py [--dist dist/shopdesk] [--out dist]

Layout: the app under /opt/shopdesk, /usr/bin/shopdesk a link to its
executable, a desktop entry and the icon in the hicolor theme (dpkg's
triggers refresh the menu and the icon cache, so no maintainer scripts).
The control file comes from build_spec/debian/control.in; before building,
every system library the bundle links to but does not carry is checked to
belong to a package in Depends.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEBIAN = HERE / "debian"
PREFIX = "opt/shopdesk"

# Packages every Debian system has (essential or part of the toolchain's runtime);
# a link to them needs no Depends entry.
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


def version() -> str:
    text = (ROOT / "desk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def glibc_version() -> str:
    return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # "glibc 2.36" -> "2.36"


def architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def depends(control: str) -> set[str]:
    """Package names in the Depends field (versions and alternatives dropped)."""
    m = re.search(r"^Depends:(.*(?:\n .*)*)", control, re.M)
    if not m:
        return set()
    names = set()
    for item in m.group(1).replace("\n", " ").split(","):
        for alternative in item.split("|"):
            name = alternative.strip().split(" ", 1)[0].split(":", 1)[0]
            if name:
                names.add(name)
    return names


def control_text(installed_kib: int, arch: str | None = None) -> str:
    template = (DEBIAN / "control.in").read_text(encoding="utf-8")
    values = {"VERSION": version(), "ARCH": arch or architecture(),
              "INSTALLED_SIZE": str(installed_kib), "GLIBC": glibc_version()}
    text = re.sub(r"@([A-Z_]+)@", lambda m: values[m.group(1)], template)
    return text if text.endswith("\n") else text + "\n"


# --- the system libraries the bundle needs ---------------------------------------

def _elf_files(tree: Path):
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def _needed(path: Path) -> list[str]:
    if shutil.which("readelf") is None:
        raise SystemExit("readelf is missing: install binutils (it reads the libraries the app links to)")
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def system_libraries(tree: Path) -> set[str]:
    """Sonames the bundle's binaries link to that are not inside the bundle."""
    bundled = {p.name for p in tree.rglob("*") if ".so" in p.name}
    needed = set()
    for path in _elf_files(tree):
        needed.update(_needed(path))
    return {name for name in needed if name not in bundled}


def _ldconfig() -> dict[str, str]:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r"\s+(\S+) \(([^)]*)\) => (\S+)", line)
        if m and m.group(1) not in found and ("x86-64" in m.group(2)) == (platform.machine() == "x86_64"):
            found[m.group(1)] = m.group(3)
    return found


def owning_package(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):  # merged /usr: dpkg may know either spelling
        candidates.add(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for candidate in candidates:
        r = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":", 1)[0].strip()
    return None


def check_depends(tree: Path, control: str) -> list[str]:
    """Problems: system libraries the bundle needs whose package Depends does not name."""
    where = _ldconfig()
    declared = depends(control) | ESSENTIAL
    problems = []
    for soname in sorted(system_libraries(tree)):
        path = where.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            problems.append(f"{soname}: not installed here, so its package is unknown")
        elif package not in declared:
            problems.append(f"{soname}: from package {package}, missing in Depends")
    return problems


# --- building ---------------------------------------------------------------------

def _normalise_modes(tree: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(tree):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = Path(dirpath, name)
            if not path.is_symlink():
                path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _icons(stage: Path) -> None:
    icons = stage / "usr/share/icons/hicolor"
    scalable = icons / "scalable/apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources/icons/shopdesk.svg", scalable / "shopdesk.svg")
    sys.path.insert(0, str(HERE))
    from icons import render_pngs

    rendered = render_pngs(stage.parent / "icons")
    for size in (16, 32, 48, 64, 128, 256, 512):
        target = icons / f"{size}x{size}/apps"
        target.mkdir(parents=True)
        shutil.copy2(rendered[size], target / "shopdesk.png")
    shutil.rmtree(stage.parent / "icons")


def stage_tree(dist: Path, stage: Path) -> None:
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(dist, stage / PREFIX, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    os.symlink(f"/{PREFIX}/shopdesk", stage / "usr/bin/shopdesk")
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy2(DEBIAN / "shopdesk.desktop", apps / "shopdesk.desktop")
    _icons(stage)
    _normalise_modes(stage)


def _kib(tree: Path) -> int:
    total = sum(p.lstat().st_size for p in tree.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def build(dist: Path, out: Path, work: Path) -> Path:
    if not (dist / "shopdesk").is_file():
        raise SystemExit(f"no frozen app in {dist}: run pyinstaller build_spec/shopdesk.spec first")
    stage = work / "root"
    stage_tree(dist, stage)
    control = control_text(_kib(stage))
    problems = check_depends(stage / PREFIX, control)
    if problems:
        raise SystemExit("the .deb's Depends misses system libraries the app links to:\n  "
                         + "\n  ".join(problems))
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN/control").write_text(control, encoding="utf-8")
    fields = dict(re.findall(r"^(Package|Version|Architecture): (.+)$", control, re.M))
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{fields['Package']}_{fields['Version']}_{fields['Architecture']}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "shopdesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    print(build(args.dist, args.out, args.work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
