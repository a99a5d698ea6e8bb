"""Fingerprints of every report crosscheck writes for fixed inputs: the check that a restructuring changed no output.

    python bench/digest.py [--articles 1000] [--out FILE]

Runs `crosscheck report` (in-process, one worker) on the seeds and on a generated corpus (bench/generate.py,
seed 0, 10 outlets an event) and prints one line per report file: its SHA-256, its size and its name. Run it
before and after a change that must not change behaviour and `diff` the two outputs: any line that differs
names the file that changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def digests(inputs: dict[str, Path], scratch: Path) -> list[str]:
    """'sha256  bytes  input/file' for every report file of every input, in a stable order.

    Reports record each source's path, so every input is copied into `scratch` and read by a relative path:
    the fingerprints do not depend on where the checkout or the temporary folder is."""
    import os
    import shutil

    from compare.api import compare
    from compare.models import Settings
    from compare.report.writer import write_reports

    lines = []
    here = os.getcwd()
    for name, path in inputs.items():
        shutil.copytree(path, scratch / "inputs" / name)
        out = scratch / name
        os.chdir(scratch / "inputs")
        try:
            result = compare([name], Settings(workers=1))
        finally:
            os.chdir(here)
        write_reports(result, out)
        for file in sorted(out.iterdir()):
            data = file.read_bytes()
            lines.append(f"{hashlib.sha256(data).hexdigest()}  {len(data):>10}  {name}/{file.name}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="size of the generated corpus (0: seeds only)")
    parser.add_argument("--out", type=Path, help="also write the lines to this file")
    args = parser.parse_args(argv)
    from generate import generate

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        inputs = {"seeds": HERE.parent / "seeds"}
        if args.articles:
            corpus = root / "corpus"
            generate(corpus, max(1, args.articles // 10), 10, 0)
            inputs[f"generated-{args.articles}"] = corpus / "articles"
        lines = digests(inputs, root / "reports")
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
