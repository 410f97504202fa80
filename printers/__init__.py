"""Printing: print documents, column layout, renderers (ESC/POS, raster, TSPL, ZPL, PNG),
transports, printer status and the persistent print queue.

Only this package imports python-escpos, and only through ``printers.escpos_import``.
"""
