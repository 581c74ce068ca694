"""The ``erpdesk`` command line."""
