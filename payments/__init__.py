"""Payment providers behind one port (``redhome_pos.domain.payments``): WeChat Pay and Alipay
adapters, their request signing and answer verification, and building them from configuration.

Only this package and ``sync`` talk HTTP; it imports nothing of ``sync`` or ``printers``.
"""
