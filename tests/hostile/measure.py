"""Run the sdpa command in a fresh process and measure it: peak memory (VmHWM), time, exit code."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# VmHWM is this process image's own peak; ru_maxrss would carry the forking parent's over exec
_CODE = ("import re, sys\nfrom generator.cli.commands import app\n"
         "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
         "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1)\n"
         "print(int(hwm) // 1024, code)")


def run_measured(*args: str, timeout: float = 60) -> tuple[int, str, str, float]:
    """``sdpa *args`` in a new Python process: (peak MB, exit code, stderr, seconds). Raises
    ``subprocess.TimeoutExpired`` past ``timeout``."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _CODE, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    elapsed = time.monotonic() - start
    peak, exit_code = proc.stdout.split()[-2:]
    return int(peak), exit_code, proc.stderr, elapsed
