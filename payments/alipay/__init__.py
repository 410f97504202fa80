"""Alipay 当面付 (bar-code payment) adapter, its RSA2 signing, and the trade bill."""
