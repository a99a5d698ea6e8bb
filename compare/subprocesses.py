"""What every worker process this package starts does first: die with its parent, and leave signals to it."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # prctl option number, from linux/prctl.h


def die_with_parent() -> None:
    """In a worker process: be killed when the process that started it dies (Linux), and leave Ctrl-C and
    SIGTERM to it. A worker left running after its parent was killed would go on writing or computing for
    nobody. Elsewhere only the signal handlers are reset."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides, and stops the workers itself
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
