"""ERPDesk: an offline-first desktop workbench for ERP field sales."""

__version__ = "0.1.0"
