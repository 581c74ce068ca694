"""PDFs (reportlab, no Qt): the internal deal-review report now; quotes and
proposals later, on the same foundation (``fonts``: the embedded CJK font;
``layout``: page, styles, tables; ``texts``: translated labels)."""
