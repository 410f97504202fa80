"""An independent RED open-platform sandbox, written from the platform's own documents.

It shares nothing with the connector (an import-linter contract keeps it so): the envelope,
signature, error codes, field names and rules come from the official documents listed in
``sync.red_sandbox.protocol`` and docs/red-sandbox.md.
"""

from sync.red_sandbox.faults import FAULTS, FaultSwitches, parse_fault_option
from sync.red_sandbox.handle import (
    CENTRAL_WAREHOUSE,
    DEMO_WAREHOUSE_CODE,
    SandboxHandle,
    demo_credentials,
    start_sandbox,
)
from sync.red_sandbox.limits import RequestLimits

__all__ = [
    "CENTRAL_WAREHOUSE",
    "DEMO_WAREHOUSE_CODE",
    "FAULTS",
    "FaultSwitches",
    "RequestLimits",
    "SandboxHandle",
    "demo_credentials",
    "parse_fault_option",
    "start_sandbox",
]
