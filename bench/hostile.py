"""Peak memory and wall time of crosscheck on inputs far larger than any article, each in a fresh process.

    python bench/hostile.py [--cases diff-2000,diff-5000,alone-3000,page-20mb] [--limit-gb 8] [--keep DIR]

The cases (generated text only: made-up names and general English words, no article text):

- diff-2000: `crosscheck diff` of two articles of 2,000 sentences each (about 170 KB apiece);
- diff-5000: the same with 5,000 sentences each;
- alone-3000: `crosscheck report` of a folder holding one article of 3,000 sentences;
- page-20mb: `crosscheck diff` of a 20 MB HTML page against an ordinary article.

Each case runs the command line (`python -m compare`) in a child process; this process samples the
proportional set size (PSS) of the child's process tree, as bench/run.py does, and prints one Markdown row per
case: peak MB, wall seconds, exit code and the last line the command wrote to stderr. `--limit-gb` caps each
child's address space, so that a case that would exhaust the machine ends in a MemoryError instead.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import MemorySampler, _process_tree, _pss_kb, machine  # noqa: E402  (bench/run.py: one way to measure)

CASES = ("diff-2000", "diff-5000", "alone-3000", "page-20mb")
PAGE_BYTES = 20_000_000

_SYLLABLES = "ka ri to mo na se lu vi ra den mar tel os an bel cor dra fen gal hov is jor kel lim nor".split()
_SUBJECTS = ("the minister", "the delegation", "the committee", "the foreign secretary", "the two leaders",
             "the envoy", "the council", "officials", "the ambassador", "the trade commissioner")
_VERBS = ("agreed to expand", "pledged to review", "announced plans to fund", "declined to discuss",
          "called for talks on", "welcomed progress on", "criticised delays in", "proposed to limit",
          "signed an accord on", "promised to strengthen")
_OBJECTS = ("port inspections", "grain exports", "border crossings", "fishing quotas", "rail links",
            "water rights", "power lines", "customs rules", "student visas", "flood defences", "air routes",
            "mining permits", "coastal patrols", "health funding", "road tolls")
_TAILS = ("while critics warned of higher costs", "according to a statement released after the meeting",
          "after talks that lasted {n} hours", "including {n} projects in the northern provinces",
          "but no date was set for a vote", "amid protests outside the venue", "with a budget of {n} million",
          "as part of a plan running until {year}")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def sentence(rng: random.Random) -> str:
    """One made-up news sentence of one to three clauses (about 85 characters on average)."""
    text = f"{rng.choice(_SUBJECTS)} of {_name(rng)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} in {_name(rng)}"
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        text += ", " + rng.choice(_TAILS).format(n=rng.randint(2, 90), year=rng.randint(2027, 2040))
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, sentences: int, shared: list[str]) -> str:
    """A title and paragraphs of `sentences` sentences, about half drawn from `shared` (the story both outlets
    report), the rest the outlet's own."""
    body = [rng.choice(shared) if shared and rng.random() < 0.5 else sentence(rng) for _ in range(sentences)]
    paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
    return f"Talks in {_name(rng)} end with pledges\n\n" + "\n\n".join(paragraphs) + "\n"


def page(rng: random.Random, size: int) -> str:
    """An HTML page of about `size` bytes: navigation, then paragraphs of made-up sentences."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks end with pledges</title></head><body>",
             "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks end with pledges</h1>"]
    length = sum(map(len, parts))
    while length < size:
        paragraph = "<p>" + " ".join(sentence(rng) for _ in range(4)) + "</p>\n"
        parts.append(paragraph)
        length += len(paragraph)
    parts.append("</article></body></html>\n")
    return "".join(parts)


def build(case: str, folder: Path, seed: int = 0) -> list[str]:
    """Write the inputs of `case` under `folder`; the crosscheck arguments that run it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    if case.startswith("diff-"):
        n = int(case.split("-")[1])
        story = [sentence(rng) for _ in range(n // 2)]
        a, b = folder / "a.txt", folder / "b.txt"
        a.write_text(article(rng, n, story), encoding="utf-8")
        b.write_text(article(rng, n, story), encoding="utf-8")
        return ["diff", str(a), str(b), "--format", "csv"]
    if case.startswith("alone-"):
        n = int(case.split("-")[1])
        (folder / "articles").mkdir(exist_ok=True)
        (folder / "articles" / "long.txt").write_text(article(rng, n, []), encoding="utf-8")
        return ["report", str(folder / "articles"), "--out", str(folder / "reports"), "--workers", "1"]
    if case == "page-20mb":
        html, short = folder / "page.html", folder / "short.txt"
        html.write_text(page(rng, PAGE_BYTES), encoding="utf-8")
        short.write_text(article(rng, 30, []), encoding="utf-8")
        return ["diff", str(html), str(short), "--format", "csv"]
    raise SystemExit(f"unknown case {case!r}; choose from {', '.join(CASES)}")


class TreeSampler(MemorySampler):
    """bench/run.py's PSS sampler, over the process tree of another process."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(interval)
        self.root = root

    def sample(self) -> None:
        self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _process_tree(self.root)))


def run_case(args: list[str], limit_gb: float, root: Path) -> dict:
    limit = int(limit_gb * 2**30)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        child = subprocess.Popen([sys.executable, "-m", "compare", *args], stdout=out, stderr=err, cwd=root, env=env,
                                 preexec_fn=cap)
        with TreeSampler(child.pid) as sampler:
            code = child.wait()
        wall = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return {"peak_mb": sampler.peak_kb / 1024, "wall": wall, "code": code, "last": lines[-1] if lines else ""}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, from: " + ", ".join(CASES))
    parser.add_argument("--limit-gb", type=float, default=8.0, help="address-space cap of each run (GB)")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the crosscheck checkout to run")
    parser.add_argument("--keep", type=Path, help="write the generated inputs here (default: a temporary folder)")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        for case in [c.strip() for c in args.cases.split(",") if c.strip()]:
            command = build(case, base / case)
            result = run_case(command, args.limit_gb, args.root.resolve())
            rows.append((case, result))
            print(f"{case}: {result}", file=sys.stderr, flush=True)
    print(f"Machine: {machine()}. Each case is `python -m compare ...` in a fresh process, its address space capped "
          f"at {args.limit_gb:g} GB; peak: PSS of its process tree.")
    print()
    print("| case | peak MB | wall s | exit | last line on stderr |")
    print("|---|---|---|---|---|")
    for case, r in rows:
        last = r["last"].replace("|", "\\|")[:160]
        print(f"| {case} | {r['peak_mb']:,.0f} | {r['wall']:.1f} | {r['code']} | {last} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
