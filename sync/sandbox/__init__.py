"""The RED sandbox: the open platform's gateway on loopback, for tests and the demo."""

from sync.sandbox.faults import FAULTS, FaultSwitches, parse_fault_option
from sync.sandbox.handle import SandboxHandle, start_sandbox
from sync.sandbox.server import DEMO_WAREHOUSE_CODE, demo_credentials

__all__ = [
    "DEMO_WAREHOUSE_CODE",
    "FAULTS",
    "FaultSwitches",
    "SandboxHandle",
    "demo_credentials",
    "parse_fault_option",
    "start_sandbox",
]
